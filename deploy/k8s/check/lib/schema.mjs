// Schema validation of rendered objects with the kubernetes-models packages: Kubernetes' own kinds
// (kubernetes-models), Strimzi (@kubernetes-models/strimzi-kafka-operator), CloudNativePG
// (@kubernetes-models/cloudnative-pg) and KEDA (@kubernetes-models/keda). Kinds without a published model
// (the Barman Cloud plugin's ObjectStore) get structural checks in policy.mjs instead.
// The models catch wrong types, missing required fields and bad enum values, not unknown field names:
// the policy checks look for the fields that matter at their exact paths.

const PACKAGES = [
  // [apiVersion test, module specifier]
  [(g) => g === 'v1', 'kubernetes-models/v1'],
  [(g) => /^[a-z0-9.]*k8s\.io\/|^(apps|autoscaling|batch|policy|extensions)\//.test(g), (g) => `kubernetes-models/${g}`],
  [(g) => g.startsWith('kafka.strimzi.io/') || g.startsWith('core.strimzi.io/'), (g) => `@kubernetes-models/strimzi-kafka-operator/${g}`],
  [(g) => g.startsWith('postgresql.cnpg.io/'), (g) => `@kubernetes-models/cloudnative-pg/${g}`],
  [(g) => g.startsWith('keda.sh/'), (g) => `@kubernetes-models/keda/${g}`],
];

const cache = new Map();

async function modelFor(apiVersion, kind) {
  const entry = PACKAGES.find(([test]) => test(apiVersion));
  if (!entry) return null;
  const spec = typeof entry[1] === 'function' ? entry[1](apiVersion) : entry[1];
  if (!cache.has(spec)) {
    cache.set(spec, await import(spec).catch((e) => {
      if (e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' || e.code === 'ERR_MODULE_NOT_FOUND') return null;
      throw e;
    }));
  }
  const mod = cache.get(spec);
  return mod?.[kind] ?? undefined;
}

/**
 * Validates one object. Returns {status: 'ok'|'invalid'|'no-model'|'unknown-kind', message}.
 * 'unknown-kind': the API group has a model package but not this kind/version (a typo or a removed API).
 */
export async function validateObject(obj) {
  const { apiVersion, kind } = obj ?? {};
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return { status: 'invalid', message: 'apiVersion and kind are required' };
  }
  const Model = await modelFor(apiVersion, kind);
  if (Model === null) return { status: 'no-model', message: `no model package for ${apiVersion}` };
  if (Model === undefined) return { status: 'unknown-kind', message: `${apiVersion} has no kind ${kind}` };
  try {
    new Model(structuredClone(obj)).validate();
    return { status: 'ok' };
  } catch (e) {
    return { status: 'invalid', message: e.message.replace(/\s+/g, ' ') };
  }
}
