// Policy checks on the rendered objects of one overlay. Each check returns a list of results
// {check, subject, problems: [string]}; no problems means it passed.
//
// The facts the manifests must agree with come from the sources (./sources.mjs): topics and partitions
// from Topics.java, channels and consumer groups from the services' application.properties.
// Only the public routes are written down here, as issue 6 lists them.

export const ROUTES = {
  '/api/v1/reports': 'ingest-service',
  '/api/v1/agencies': 'ingest-service',
  '/api/v1/rollups': 'aggregate-service',
  '/api/v1/cities': 'aggregate-service',
  '/api/v1/facts': 'aggregate-service',
  // the dashboard: its page (Exact, so /q/* of the service stays internal), its scripts and ECharts
  '/': 'aggregate-service',
  '/dashboard': 'aggregate-service',
  '/webjars': 'aggregate-service',
};
// Exact routes; every other route is a Prefix
const EXACT_ROUTES = new Set(['/']);
// the services' own endpoints (health, metrics, OpenAPI) that no public route may reach
const INTERNAL_PATHS = ['/q/health', '/q/metrics', '/q/openapi', '/q/swagger-ui'];

const CONTAINER_PORT = 8080;
const HEALTH = { startupProbe: '/q/health/started', readinessProbe: '/q/health/ready', livenessProbe: '/q/health/live' };
const BARMAN_PLUGIN = 'barman-cloud.cloudnative-pg.io';
const KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1048588;
// Namespaces other than the app's that may reach a Kafka listener (KEDA's operator reads consumer lag).
const KAFKA_NAMESPACE_PEERS = ['keda'];
// Connections PostgreSQL keeps for itself and the operator (superuser_reserved_connections, replication,
// the instance manager), subtracted from max_connections before the services' pools.
const PG_RESERVED_CONNECTIONS = 10;

// ------------------------------------------------------------------------------------------ helpers

const get = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
const name = (o) => o?.metadata?.name;
const ref = (o) => `${o.kind}/${name(o)}`;

export function matches(matchLabels, labels) {
  if (!matchLabels || Object.keys(matchLabels).length === 0) return true;
  return Object.entries(matchLabels).every(([k, v]) => labels?.[k] === v);
}

/** Parses a Kubernetes quantity into a number (cores or bytes). */
export function quantity(q) {
  if (q === undefined || q === null) return undefined;
  const m = String(q).match(/^([0-9.]+)(m|k|Ki|M|Mi|G|Gi|T|Ti)?$/);
  if (!m) return NaN;
  const factor = { m: 1e-3, k: 1e3, Ki: 1024, M: 1e6, Mi: 1024 ** 2, G: 1e9, Gi: 1024 ** 3, T: 1e12, Ti: 1024 ** 4 }[m[2]] ?? 1;
  return Number(m[1]) * factor;
}

/** Parses "40s", "1m", "PT40S" (Quarkus durations) into seconds. */
export function durationSeconds(v) {
  if (v === undefined) return undefined;
  const s = String(v).trim();
  let m = s.match(/^(\d+)(ms|s|m|h)?$/i);
  if (m) return Number(m[1]) * ({ ms: 1e-3, s: 1, m: 60, h: 3600 }[(m[2] ?? 's').toLowerCase()]);
  m = s.match(/^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/i);
  if (m) return (Number(m[1] ?? 0) * 3600) + (Number(m[2] ?? 0) * 60) + Number(m[3] ?? 0);
  return NaN;
}

/** Parses "20M", "20m", "20MB" (nginx and Quarkus memory sizes) into bytes. */
export function sizeBytes(v) {
  if (v === undefined) return undefined;
  const m = String(v).trim().match(/^(\d+)\s*([kmg])?b?$/i);
  if (!m) return NaN;
  return Number(m[1]) * ({ k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase()] ?? 1);
}

class Objects {
  constructor(objects) {
    this.all = objects;
  }
  of(kind, group) {
    return this.all.filter((o) => o.kind === kind && (!group || String(o.apiVersion).startsWith(`${group}/`)));
  }
  one(kind, n) {
    return this.all.find((o) => o.kind === kind && name(o) === n);
  }
}

/** The value of a container's environment variable, following configMapKeyRef to rendered ConfigMaps. */
function envValue(objs, container, key) {
  const e = (container.env ?? []).find((x) => x.name === key);
  if (!e) {
    for (const from of container.envFrom ?? []) {
      const cm = from.configMapRef && objs.one('ConfigMap', from.configMapRef.name);
      if (cm?.data && key in cm.data) return { value: cm.data[key], source: `ConfigMap ${name(cm)}` };
    }
    return undefined;
  }
  if ('value' in e) return { value: e.value, source: 'value' };
  const cmRef = e.valueFrom?.configMapKeyRef;
  if (cmRef) {
    const cm = objs.one('ConfigMap', cmRef.name);
    if (!cm) return { missing: `ConfigMap ${cmRef.name} is not rendered` };
    if (!(cmRef.key in (cm.data ?? {}))) return { missing: `ConfigMap ${cmRef.name} has no key ${cmRef.key}` };
    return { value: cm.data[cmRef.key], source: `ConfigMap ${cmRef.name}` };
  }
  if (e.valueFrom?.secretKeyRef) return { secret: e.valueFrom.secretKeyRef };
  return { missing: 'unsupported valueFrom' };
}

function resolvePort(container, port) {
  if (typeof port === 'number') return port;
  return (container.ports ?? []).find((p) => p.name === port)?.containerPort;
}

function scalerFor(objs, deploymentName) {
  const hpas = objs.of('HorizontalPodAutoscaler')
    .filter((h) => h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === deploymentName)
    .map((h) => ({ kind: 'HPA', obj: h, min: h.spec.minReplicas ?? 1, max: h.spec.maxReplicas }));
  const keda = objs.of('ScaledObject', 'keda.sh')
    .filter((s) => (s.spec?.scaleTargetRef?.kind ?? 'Deployment') === 'Deployment' && s.spec?.scaleTargetRef?.name === deploymentName)
    .map((s) => ({ kind: 'KEDA', obj: s, min: s.spec.minReplicaCount ?? 0, max: s.spec.maxReplicaCount ?? 100 }));
  return [...hpas, ...keda];
}

/** Max replicas of a Deployment: its autoscaler's maximum, else spec.replicas (default 1). */
function maxReplicas(objs, dep) {
  const s = scalerFor(objs, name(dep));
  return s.length ? Math.max(...s.map((x) => x.max)) : (dep.spec?.replicas ?? 1);
}

function kafkaBootstrap(objs) {
  const kafka = objs.of('Kafka', 'kafka.strimzi.io')[0];
  if (!kafka) return undefined;
  const listener = (kafka.spec?.kafka?.listeners ?? []).find((l) => l.type === 'internal' && l.tls === false);
  if (!listener) return { kafka };
  return { kafka, listener, host: `${name(kafka)}-kafka-bootstrap`, port: listener.port };
}

function brokerCount(objs, kafkaName) {
  return objs.of('KafkaNodePool', 'kafka.strimzi.io')
    .filter((p) => p.metadata?.labels?.['strimzi.io/cluster'] === kafkaName && (p.spec?.roles ?? []).includes('broker'))
    .reduce((n, p) => n + (p.spec?.replicas ?? 0), 0);
}

function parseJdbcUrl(url) {
  const m = String(url).match(/^jdbc:postgresql:\/\/([^/:?]+)(?::(\d+))?\/([^?]+)/);
  return m ? { host: m[1], port: Number(m[2] ?? 5432), database: m[3] } : undefined;
}

// ------------------------------------------------------------------------------------------ checks

/**
 * Runs every policy on one overlay's objects.
 * ctx: {overlay, objects, topics (parseTopicsJava), services (loadServices), profile: {singleReplica,
 *       highAvailability, backups}}
 */
export function runPolicies(ctx) {
  const objs = new Objects(ctx.objects);
  const results = [];
  const check = (checkName, subject, fn) => {
    const problems = [];
    try {
      fn((p) => problems.push(p));
    } catch (e) {
      problems.push(`check crashed: ${e.message}`);
    }
    results.push({ check: checkName, subject, problems });
  };
  const deployments = objs.of('Deployment', 'apps');
  const serviceDeployments = deployments.filter((d) => ctx.services[name(d)]);
  const servicePodLabels = serviceDeployments.map((d) => ({ service: name(d), labels: d.spec?.template?.metadata?.labels ?? {} }));
  const boot = kafkaBootstrap(objs);
  const cluster = objs.of('Cluster', 'postgresql.cnpg.io')[0];
  const javaTopics = new Map(ctx.topics.topics.map((t) => [t.name, t]));
  const kafkaTopics = new Map(objs.of('KafkaTopic', 'kafka.strimzi.io').map((t) => [t.spec?.topicName ?? name(t), t]));

  // ------------------------------------------------------------ one Deployment per service module
  check('services-deployed', 'all', (fail) => {
    for (const s of Object.keys(ctx.services)) {
      if (!objs.one('Deployment', s)) fail(`service module ${s} has no Deployment`);
    }
    for (const d of deployments) {
      if (!ctx.services[name(d)]) fail(`Deployment ${name(d)} matches no service module (*-service with application.properties)`);
    }
  });

  for (const dep of serviceDeployments) {
    const svc = ctx.services[name(dep)];
    const pod = dep.spec?.template?.spec ?? {};
    const podLabels = dep.spec?.template?.metadata?.labels ?? {};
    const containers = pod.containers ?? [];
    const subject = ref(dep);

    check('probes', subject, (fail) => {
      if (containers.length === 0) fail('no containers');
      for (const c of containers) {
        for (const [probe, path] of Object.entries(HEALTH)) {
          const p = c[probe];
          if (!p) { fail(`${c.name}: no ${probe}`); continue; }
          if (p.httpGet?.path !== path) fail(`${c.name}: ${probe} must GET ${path}, has ${p.httpGet?.path ?? 'no httpGet'}`);
          const port = p.httpGet && resolvePort(c, p.httpGet.port);
          if (port !== CONTAINER_PORT) fail(`${c.name}: ${probe} port ${p.httpGet?.port} is not the http port ${CONTAINER_PORT}`);
        }
        const window = (p) => (p?.periodSeconds ?? 10) * (p?.failureThreshold ?? 3);
        if (c.readinessProbe && window(c.readinessProbe) < 30) {
          fail(`${c.name}: readinessProbe gives up after ${window(c.readinessProbe)} s; it must ride out a 30 s Kafka blip`);
        }
        if (c.livenessProbe && c.readinessProbe && window(c.livenessProbe) < Math.max(60, window(c.readinessProbe))) {
          fail(`${c.name}: livenessProbe restarts after ${window(c.livenessProbe)} s; it must be more tolerant than readiness and >= 60 s`);
        }
        if (c.startupProbe && window(c.startupProbe) < 60) fail(`${c.name}: startupProbe allows only ${window(c.startupProbe)} s to start`);
      }
    });

    check('resources', subject, (fail) => {
      for (const c of containers) {
        for (const r of ['cpu', 'memory']) {
          const req = get(c, `resources.requests.${r}`);
          const lim = get(c, `resources.limits.${r}`);
          if (req === undefined) fail(`${c.name}: no ${r} request`);
          if (lim === undefined) fail(`${c.name}: no ${r} limit`);
          if (req !== undefined && lim !== undefined && !(quantity(req) <= quantity(lim))) {
            fail(`${c.name}: ${r} request ${req} exceeds limit ${lim}`);
          }
        }
      }
    });

    check('security-context', subject, (fail) => {
      const psc = pod.securityContext ?? {};
      for (const c of containers) {
        const sc = c.securityContext ?? {};
        if ((sc.runAsNonRoot ?? psc.runAsNonRoot) !== true) fail(`${c.name}: runAsNonRoot is not true`);
        if ((sc.runAsUser ?? psc.runAsUser) === 0) fail(`${c.name}: runs as UID 0`);
        if (sc.allowPrivilegeEscalation !== false) fail(`${c.name}: allowPrivilegeEscalation is not false`);
        if (sc.readOnlyRootFilesystem !== true) fail(`${c.name}: readOnlyRootFilesystem is not true`);
        if (sc.privileged === true) fail(`${c.name}: privileged`);
        if (!(sc.capabilities?.drop ?? []).includes('ALL')) fail(`${c.name}: capabilities.drop does not include ALL`);
        if ((sc.capabilities?.add ?? []).length) fail(`${c.name}: adds capabilities ${sc.capabilities.add}`);
        if ((sc.seccompProfile?.type ?? psc.seccompProfile?.type) !== 'RuntimeDefault') fail(`${c.name}: seccompProfile is not RuntimeDefault`);
        const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
        const vol = tmp && (pod.volumes ?? []).find((v) => v.name === tmp.name);
        if (!vol?.emptyDir) fail(`${c.name}: /tmp is not an emptyDir (the root filesystem is read-only)`);
      }
      if (pod.hostNetwork || pod.hostPID || pod.hostIPC) fail('uses host namespaces');
      if (pod.automountServiceAccountToken !== false) fail('pod automountServiceAccountToken is not false');
      const sa = objs.one('ServiceAccount', pod.serviceAccountName);
      if (!pod.serviceAccountName || pod.serviceAccountName === 'default') fail('no own serviceAccountName');
      else if (!sa) fail(`ServiceAccount ${pod.serviceAccountName} is not rendered`);
      else if (sa.automountServiceAccountToken !== false) fail(`ServiceAccount ${name(sa)}: automountServiceAccountToken is not false`);
    });

    check('graceful-rollout', subject, (fail) => {
      const grace = pod.terminationGracePeriodSeconds ?? 30;
      if (grace < 30 || grace > 300) fail(`terminationGracePeriodSeconds ${grace} is outside 30..300`);
      for (const c of containers) {
        const pre = c.lifecycle?.preStop;
        const preSeconds = pre?.sleep?.seconds ?? Number(pre?.exec?.command?.join(' ').match(/sleep\s+(\d+)/)?.[1]);
        if (!pre) fail(`${c.name}: no preStop hook`);
        else if (!(preSeconds > 0)) fail(`${c.name}: preStop does not sleep`);
        const shutdown = envValue(objs, c, 'QUARKUS_SHUTDOWN_TIMEOUT');
        const total = (preSeconds || 0) + (shutdown?.value ? durationSeconds(shutdown.value) : 0);
        if (!(total < grace)) fail(`${c.name}: preStop ${preSeconds} s + shutdown ${shutdown?.value ?? 0} do not fit in the grace period ${grace} s`);
        const image = c.image ?? '';
        const tag = image.includes('@') ? 'digest' : image.split('/').pop().split(':')[1];
        if (!tag || tag === 'latest') fail(`${c.name}: image ${image} has no pinned tag`);
      }
      const spread = pod.topologySpreadConstraints ?? [];
      if (spread.length === 0) fail('no topologySpreadConstraints');
      for (const t of spread) {
        if (!matches(t.labelSelector?.matchLabels, podLabels) || !t.labelSelector?.matchLabels) fail(`topologySpreadConstraint on ${t.topologyKey} does not select the pods`);
      }
      const strategy = dep.spec?.strategy;
      if (strategy?.type === 'Recreate') fail('strategy Recreate drops all pods at once');
      if (scalerFor(objs, name(dep)).length && dep.spec?.replicas !== undefined) {
        fail('spec.replicas is set although an autoscaler owns the replica count (every apply would reset it)');
      }
    });

    check('configuration', subject, (fail) => {
      for (const c of containers) {
        const v = (k) => envValue(objs, c, k);
        const expect = (k, want) => {
          const e = v(k);
          if (!e) fail(`${c.name}: ${k} is not set`);
          else if (e.missing) fail(`${c.name}: ${k}: ${e.missing}`);
          else if (want !== undefined && e.value !== want) fail(`${c.name}: ${k} is "${e.value}", must be "${want}"`);
          return e;
        };
        expect('QUARKUS_PROFILE', 'prod');
        expect('QUARKUS_HTTP_PORT', String(CONTAINER_PORT));
        if (!(c.ports ?? []).some((p) => p.containerPort === CONTAINER_PORT && p.name === 'http')) fail(`${c.name}: no container port ${CONTAINER_PORT} named http`);
        if (svc.usesKafka) {
          const k = expect('KAFKA_BOOTSTRAP_SERVERS');
          if (!boot?.host) fail('no Kafka with a plain internal listener is rendered');
          else if (k?.value && !k.value.split(',').some((a) => a === `${boot.host}:${boot.port}` || a.startsWith(`${boot.host}.`) && a.endsWith(`:${boot.port}`))) {
            fail(`${c.name}: KAFKA_BOOTSTRAP_SERVERS ${k.value} is not ${boot.host}:${boot.port}`);
          }
        }
        if (svc.usesDatabase) {
          const url = expect('QUARKUS_DATASOURCE_JDBC_URL');
          const jdbc = url?.value && parseJdbcUrl(url.value);
          const initdb = cluster?.spec?.bootstrap?.initdb;
          if (!cluster) fail('no CloudNativePG Cluster is rendered');
          else if (!jdbc) fail(`${c.name}: QUARKUS_DATASOURCE_JDBC_URL ${url?.value} is not a PostgreSQL JDBC URL`);
          else {
            if (jdbc.host !== `${name(cluster)}-rw` && !jdbc.host.startsWith(`${name(cluster)}-rw.`)) fail(`${c.name}: JDBC host ${jdbc.host} is not ${name(cluster)}-rw`);
            if (jdbc.database !== initdb?.database) fail(`${c.name}: JDBC database ${jdbc.database} is not the Cluster's ${initdb?.database}`);
          }
          for (const [k, key] of [['DB_USER', 'username'], ['DB_PASSWORD', 'password']]) {
            const e = v(k);
            if (!e?.secret) fail(`${c.name}: ${k} does not come from a Secret`);
            else {
              if (e.secret.name !== initdb?.secret?.name) fail(`${c.name}: ${k} reads Secret ${e.secret.name}, the Cluster's owner Secret is ${initdb?.secret?.name}`);
              if (e.secret.key !== key) fail(`${c.name}: ${k} reads key ${e.secret.key}, a basic-auth Secret has ${key}`);
            }
          }
        } else {
          for (const k of ['QUARKUS_DATASOURCE_JDBC_URL', 'DB_USER', 'DB_PASSWORD']) if (v(k)) fail(`${c.name}: ${k} is set but the service has no datasource`);
        }
      }
    });

    check('service-and-pdb', subject, (fail) => {
      const services = objs.of('Service').filter((s) => s.spec?.selector && matches(s.spec.selector, podLabels));
      if (services.length === 0) fail('no Service selects the pods');
      for (const s of services) {
        for (const p of s.spec.ports ?? []) {
          const target = p.targetPort ?? p.port;
          if (!containers.some((c) => resolvePort(c, target) !== undefined)) fail(`Service ${name(s)}: targetPort ${target} is no container port`);
        }
      }
      const pdbs = objs.of('PodDisruptionBudget', 'policy').filter((p) => matches(p.spec?.selector?.matchLabels, podLabels) && p.spec?.selector?.matchLabels);
      if (pdbs.length === 0) fail('no PodDisruptionBudget selects the pods');
      const min = Math.min(...scalerFor(objs, name(dep)).map((s) => s.min), dep.spec?.replicas ?? Infinity);
      for (const p of pdbs) {
        if (p.spec.minAvailable !== undefined && Number(p.spec.minAvailable) >= min) fail(`PodDisruptionBudget ${name(p)}: minAvailable ${p.spec.minAvailable} blocks every eviction at ${min} replica(s)`);
        if (p.spec.maxUnavailable !== undefined && String(p.spec.maxUnavailable).match(/^0%?$/)) fail(`PodDisruptionBudget ${name(p)}: maxUnavailable 0 blocks every eviction`);
      }
    });

    check('autoscaling', subject, (fail) => {
      const scalers = scalerFor(objs, name(dep));
      if (scalers.length !== 1) { fail(`${scalers.length} autoscalers target it (HPA or KEDA ScaledObject), want 1`); return; }
      const [s] = scalers;
      if (!(s.min >= 1)) fail(`${s.kind} minimum ${s.min}: never scale to zero (the consumer group would have no member, lag undefined)`);
      if (!(s.max >= s.min)) fail(`${s.kind} maximum ${s.max} below minimum ${s.min}`);
      if (ctx.profile.singleReplica && (s.min !== 1 || s.max !== 1)) fail(`${s.kind} runs ${s.min}..${s.max} replicas, this overlay runs one`);
      if (ctx.profile.highAvailability && s.min < 2) fail(`${s.kind} minimum ${s.min}: this overlay needs at least 2 replicas`);
      if (s.kind === 'HPA') {
        const cpu = (s.obj.spec.metrics ?? []).find((m) => m.type === 'Resource' && m.resource?.name === 'cpu');
        if (!cpu) fail('the HorizontalPodAutoscaler has no CPU metric');
        if (containers.some((c) => get(c, 'resources.requests.cpu') === undefined)) fail('CPU utilisation needs CPU requests');
        return;
      }
      // KEDA on Kafka consumer lag: one trigger per consumed channel, groups and topics as configured
      const triggers = (s.obj.spec.triggers ?? []).filter((t) => t.type === 'kafka');
      if (triggers.length === 0) fail('the ScaledObject has no kafka trigger');
      const consumed = svc.incoming;
      for (const ch of consumed) {
        if (!triggers.some((t) => t.metadata?.topic === ch.topic)) fail(`no kafka trigger for the consumed topic ${ch.topic} (channel ${ch.channel})`);
      }
      for (const t of triggers) {
        const m = t.metadata ?? {};
        const ch = consumed.find((c) => c.topic === m.topic);
        if (!ch) { fail(`trigger topic ${m.topic} is not consumed by ${name(dep)} (consumes ${consumed.map((c) => c.topic).join(', ') || 'nothing'})`); continue; }
        if (!ch.groupId) fail(`channel ${ch.channel} has no explicit group.id in application.properties`);
        else if (m.consumerGroup !== ch.groupId) fail(`trigger consumerGroup ${m.consumerGroup} is not the configured group.id ${ch.groupId} of channel ${ch.channel}`);
        if (!/^[1-9]\d*$/.test(String(m.lagThreshold ?? ''))) fail(`trigger on ${m.topic}: lagThreshold ${m.lagThreshold} is not a positive integer`);
        if ((m.offsetResetPolicy ?? 'latest') !== ch.autoOffsetReset) fail(`trigger on ${m.topic}: offsetResetPolicy ${m.offsetResetPolicy ?? 'latest (default)'} differs from the consumer's auto.offset.reset ${ch.autoOffsetReset}`);
        if (String(m.allowIdleConsumers) === 'true') fail(`trigger on ${m.topic}: allowIdleConsumers lets KEDA scale past the partitions`);
        const java = javaTopics.get(m.topic);
        const kt = kafkaTopics.get(m.topic);
        if (!java) fail(`topic ${m.topic} is not in Topics.java`);
        else if (s.max > java.partitions) fail(`maxReplicaCount ${s.max} exceeds the ${java.partitions} partitions of ${m.topic} (Topics.java)`);
        if (!kt) fail(`topic ${m.topic} has no KafkaTopic`);
        else if (s.max > kt.spec?.partitions) fail(`maxReplicaCount ${s.max} exceeds the ${kt.spec.partitions} partitions of KafkaTopic ${name(kt)}`);
        const ns = dep.metadata?.namespace;
        const want = boot?.host && `${boot.host}.${ns}.svc:${boot.port}`;
        const servers = String(m.bootstrapServers ?? '').split(',');
        if (!want) fail('no Kafka bootstrap to compare the trigger with');
        else if (!servers.some((a) => a === want || a === `${boot.host}.${ns}.svc.cluster.local:${boot.port}`)) {
          fail(`trigger bootstrapServers ${m.bootstrapServers} is not ${want} (KEDA's operator resolves it from its own namespace)`);
        }
      }
    });

    if (ctx.profile.highAvailability) {
      check('anti-affinity', subject, (fail) => {
        const terms = [
          ...(get(pod, 'affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution') ?? []),
          ...(get(pod, 'affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution') ?? []).map((w) => w.podAffinityTerm),
        ];
        if (!terms.some((t) => t?.topologyKey && matches(t.labelSelector?.matchLabels, podLabels) && t.labelSelector?.matchLabels)) {
          fail('no podAntiAffinity term selecting its own pods');
        }
      });
    }
  }

  // ------------------------------------------------------------ Ingress
  check('ingress-routes', 'Ingress', (fail) => {
    const ingresses = objs.of('Ingress', 'networking.k8s.io');
    if (ingresses.length === 0) { fail('no Ingress'); return; }
    const routes = new Map();
    for (const ing of ingresses) {
      for (const rule of ing.spec?.rules ?? []) {
        for (const p of rule.http?.paths ?? []) {
          routes.set(p.path, { ing, p });
          const want = EXACT_ROUTES.has(p.path) ? 'Exact' : 'Prefix';
          if (p.pathType !== want) fail(`${p.path}: pathType ${p.pathType}, want ${want}`);
          for (const internal of INTERNAL_PATHS) {
            const reaches = p.pathType === 'Exact' ? internal === p.path
              : internal === p.path || internal.startsWith(p.path.endsWith('/') ? p.path : `${p.path}/`);
            if (reaches) fail(`${p.path} (${p.pathType}) exposes the internal ${internal}`);
          }
          const svcName = p.backend?.service?.name;
          const s = objs.one('Service', svcName);
          if (!s) fail(`${p.path}: backend Service ${svcName} is not rendered`);
          else {
            const port = p.backend.service.port;
            if (!(s.spec.ports ?? []).some((sp) => sp.name === port?.name || sp.port === port?.number)) fail(`${p.path}: Service ${svcName} has no port ${JSON.stringify(port)}`);
          }
        }
      }
    }
    for (const [path, svcName] of Object.entries(ROUTES)) {
      const r = routes.get(path);
      if (!r) fail(`no route for ${path}`);
      else if (r.p.backend?.service?.name !== svcName) fail(`${path} goes to ${r.p.backend?.service?.name}, want ${svcName}`);
    }
    for (const path of routes.keys()) if (!(path in ROUTES)) fail(`unexpected public route ${path}`);
    // the body limit of the ingress controller must let the largest upload through
    for (const [svcName, svc] of Object.entries(ctx.services)) {
      if (!svc.maxBodySize || ![...routes.values()].some((r) => r.p.backend?.service?.name === svcName)) continue;
      for (const ing of ingresses) {
        const limit = ing.metadata?.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size'];
        if (!(sizeBytes(limit ?? '1m') >= sizeBytes(svc.maxBodySize))) fail(`Ingress ${name(ing)}: proxy-body-size ${limit ?? '1m (default)'} is below ${svcName}'s max-body-size ${svc.maxBodySize}`);
      }
    }
  });

  // ------------------------------------------------------------ Kafka
  check('kafka-cluster', 'Kafka', (fail) => {
    const kafkas = objs.of('Kafka', 'kafka.strimzi.io');
    if (kafkas.length !== 1) { fail(`${kafkas.length} Kafka resources, want 1`); return; }
    const [k] = kafkas;
    if (k.spec?.zookeeper) fail('spec.zookeeper is set: KRaft only');
    const pools = objs.of('KafkaNodePool', 'kafka.strimzi.io').filter((p) => p.metadata?.labels?.['strimzi.io/cluster'] === name(k));
    if (pools.length === 0) fail('no KafkaNodePool labelled strimzi.io/cluster for it');
    const controllers = pools.filter((p) => (p.spec?.roles ?? []).includes('controller')).reduce((n, p) => n + (p.spec?.replicas ?? 0), 0);
    if (controllers === 0) fail('no KRaft controller nodes');
    else if (controllers % 2 === 0) fail(`${controllers} controllers: an even quorum tolerates no more failures than one less`);
    const brokers = brokerCount(objs, name(k));
    if (brokers === 0) fail('no broker nodes');
    if (ctx.profile.highAvailability && brokers < 3) fail(`${brokers} brokers: this overlay needs 3`);
    const cfg = k.spec?.kafka?.config ?? {};
    if (String(cfg['auto.create.topics.enable']) !== 'false') fail('auto.create.topics.enable is not false: topics come from KafkaTopic resources');
    for (const key of ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor']) {
      if (cfg[key] !== undefined && Number(cfg[key]) > brokers) fail(`${key} ${cfg[key]} exceeds the ${brokers} brokers`);
    }
    if (cfg['min.insync.replicas'] !== undefined && brokers > 1 && Number(cfg['min.insync.replicas']) >= Number(cfg['default.replication.factor'] ?? 1)) {
      fail('min.insync.replicas must be below default.replication.factor, or one broker down stops producers');
    }
    if (!boot?.listener) { fail('no plain internal listener'); return; }
    // only the services (and KEDA's operator) reach the listener
    const peers = boot.listener.networkPolicyPeers ?? [];
    if (peers.length === 0) fail(`listener ${boot.listener.name} has no networkPolicyPeers: Strimzi would open it to every pod`);
    for (const peer of peers) {
      if (peer.ipBlock) fail('listener peer by ipBlock');
      if (peer.namespaceSelector) {
        const ns = peer.namespaceSelector.matchLabels?.['kubernetes.io/metadata.name'];
        if (!KAFKA_NAMESPACE_PEERS.includes(ns)) fail(`listener peer namespace ${ns ?? JSON.stringify(peer.namespaceSelector)} is not one of ${KAFKA_NAMESPACE_PEERS}`);
        continue;
      }
      const sel = peer.podSelector?.matchLabels;
      if (!sel || Object.keys(sel).length === 0) { fail('listener peer selects every pod of the namespace'); continue; }
      const selected = servicePodLabels.filter((p) => matches(sel, p.labels)).map((p) => p.service);
      const others = deployments.filter((d) => !ctx.services[name(d)] && matches(sel, d.spec?.template?.metadata?.labels));
      if (others.length) fail(`listener peer ${JSON.stringify(sel)} also selects ${others.map(ref)}`);
      for (const [s, svc] of Object.entries(ctx.services)) {
        if (svc.usesKafka && !selected.includes(s) && peers.every((pp) => !pp.podSelector?.matchLabels || !matches(pp.podSelector.matchLabels, servicePodLabels.find((x) => x.service === s)?.labels))) {
          fail(`${s} uses Kafka but no listener peer selects its pods`);
        }
      }
    }
  });

  check('kafka-topics', 'KafkaTopics', (fail) => {
    const kafka = objs.of('Kafka', 'kafka.strimzi.io')[0];
    const brokers = kafka ? brokerCount(objs, name(kafka)) : 0;
    for (const t of ctx.topics.topics) {
      const kt = kafkaTopics.get(t.name);
      if (!kt) { fail(`${t.name} (Topics.java) has no KafkaTopic`); continue; }
      if (kt.spec?.partitions !== t.partitions) fail(`${t.name}: KafkaTopic has ${kt.spec?.partitions} partitions, Topics.java ${t.partitions}`);
      if (kafka && kt.metadata?.labels?.['strimzi.io/cluster'] !== name(kafka)) fail(`${t.name}: label strimzi.io/cluster is not ${name(kafka)}`);
      const replicas = kt.spec?.replicas;
      if (!(replicas >= 1)) fail(`${t.name}: no replicas`);
      else if (replicas > brokers) fail(`${t.name}: ${replicas} replicas on ${brokers} brokers`);
      const isr = Number(kt.spec?.config?.['min.insync.replicas'] ?? 1);
      if (replicas > 1 && isr >= replicas) fail(`${t.name}: min.insync.replicas ${isr} leaves no broker to lose (replicas ${replicas})`);
      if (isr > replicas) fail(`${t.name}: min.insync.replicas ${isr} above replicas ${replicas}: no write could succeed`);
      if (ctx.profile.highAvailability && replicas < 3) fail(`${t.name}: ${replicas} replicas, this overlay needs 3`);
      if (!(Number(kt.spec?.config?.['retention.ms']) > 0)) fail(`${t.name}: no retention.ms`);
    }
    for (const n of kafkaTopics.keys()) if (!javaTopics.has(n)) fail(`KafkaTopic ${n} is not in Topics.java`);
    // the topics that carry reports and sections take Topics.MAX_MESSAGE_BYTES
    const big = ['REPORTS', 'SECTIONS', 'REPORTS_DLQ', 'SECTIONS_DLQ'].map((c) => ctx.topics.constants[c]).filter(Boolean);
    if (big.length !== 4) fail('Topics.java has no REPORTS, SECTIONS, REPORTS_DLQ, SECTIONS_DLQ constants');
    for (const n of big) {
      const v = Number(kafkaTopics.get(n)?.spec?.config?.['max.message.bytes']);
      if (v !== ctx.topics.maxMessageBytes) fail(`${n}: max.message.bytes ${v || 'unset'}, Topics.MAX_MESSAGE_BYTES is ${ctx.topics.maxMessageBytes}`);
    }
    // every topic the services use exists, and takes the largest record its producers may send
    for (const svc of Object.values(ctx.services)) {
      const used = [
        ...svc.incoming.map((c) => ({ topic: c.topic, what: `${svc.name} consumes` })),
        ...svc.outgoing.map((c) => ({ topic: c.topic, what: `${svc.name} produces`, size: c.maxRequestSize })),
        ...svc.incoming.filter((c) => c.deadLetterTopic).map((c) => ({ topic: c.deadLetterTopic, what: `${svc.name} dead-letters`, size: c.deadLetterMaxRequestSize })),
      ];
      for (const u of used) {
        if (!javaTopics.has(u.topic)) fail(`${u.what} ${u.topic}, which is not in Topics.java`);
        const kt = kafkaTopics.get(u.topic);
        if (!kt) { fail(`${u.what} ${u.topic}, which has no KafkaTopic`); continue; }
        const limit = Number(kt.spec?.config?.['max.message.bytes'] ?? KAFKA_DEFAULT_MAX_MESSAGE_BYTES);
        if (u.size && u.size > limit) fail(`${u.what} ${u.topic} with max.request.size ${u.size}, above the topic's max.message.bytes ${limit}`);
      }
      // a dead-letter topic keeps its records longer than the topic they came from
      for (const c of svc.incoming.filter((x) => x.deadLetterTopic)) {
        const src = Number(kafkaTopics.get(c.topic)?.spec?.config?.['retention.ms']);
        const dlq = Number(kafkaTopics.get(c.deadLetterTopic)?.spec?.config?.['retention.ms']);
        if (!(dlq > src)) fail(`${c.deadLetterTopic}: retention.ms ${dlq} is not longer than ${c.topic}'s ${src}`);
      }
    }
  });

  // ------------------------------------------------------------ PostgreSQL
  check('postgres-cluster', 'Cluster', (fail) => {
    const clusters = objs.of('Cluster', 'postgresql.cnpg.io');
    if (clusters.length !== 1) { fail(`${clusters.length} CloudNativePG Clusters, want 1`); return; }
    const [c] = clusters;
    const initdb = c.spec?.bootstrap?.initdb;
    if (!initdb?.database || !initdb?.owner) fail('bootstrap.initdb has no database or owner');
    if (!initdb?.secret?.name) fail('bootstrap.initdb.secret: the owner credentials Secret is not referenced');
    if (ctx.profile.highAvailability && !(c.spec?.instances >= 2)) fail(`${c.spec?.instances} instance(s): this overlay needs a replica`);
    if (!c.spec?.storage?.size) fail('no storage.size');
    for (const r of ['cpu', 'memory']) {
      if (!get(c, `spec.resources.requests.${r}`) || !get(c, `spec.resources.limits.${r}`)) fail(`no ${r} request and limit`);
    }
    // the services' pools fit in max_connections
    const maxConn = Number(c.spec?.postgresql?.parameters?.max_connections ?? 100);
    const demand = serviceDeployments.filter((d) => ctx.services[name(d)].usesDatabase)
      .map((d) => ({ d: name(d), n: maxReplicas(objs, d) * ctx.services[name(d)].dbPoolMax }));
    const total = demand.reduce((a, x) => a + x.n, 0);
    if (total > maxConn - PG_RESERVED_CONNECTIONS) {
      fail(`the pools at maximum replicas need ${total} connections (${demand.map((x) => `${x.d} ${x.n}`).join(', ')}), max_connections ${maxConn} leaves ${maxConn - PG_RESERVED_CONNECTIONS}`);
    }
  });

  if (ctx.profile.backups) {
    check('postgres-backups', 'Cluster', (fail) => {
      if (!cluster) { fail('no Cluster'); return; }
      const plugin = (cluster.spec?.plugins ?? []).find((p) => p.name === BARMAN_PLUGIN);
      const legacy = cluster.spec?.backup?.barmanObjectStore;
      if (!plugin && !legacy) { fail(`neither the ${BARMAN_PLUGIN} plugin nor backup.barmanObjectStore is configured`); return; }
      if (plugin) {
        if (plugin.isWALArchiver !== true) fail('the Barman Cloud plugin is not the WAL archiver');
        const storeName = plugin.parameters?.barmanObjectName;
        const store = objs.all.find((o) => o.kind === 'ObjectStore' && String(o.apiVersion).startsWith('barmancloud.cnpg.io/') && name(o) === storeName);
        if (!store) fail(`ObjectStore ${storeName} is not rendered`);
        else {
          const conf = store.spec?.configuration ?? {};
          if (!/^(s3|gs|https?):\/\/\S+/.test(conf.destinationPath ?? '') && !/^https:\/\//.test(conf.destinationPath ?? '')) fail(`ObjectStore ${storeName}: destinationPath ${conf.destinationPath} is not an object store URL`);
          const creds = conf.s3Credentials ?? conf.googleCredentials ?? conf.azureCredentials;
          if (!creds) fail(`ObjectStore ${storeName}: no credentials`);
          for (const k of ['accessKeyId', 'secretAccessKey']) {
            if (conf.s3Credentials && !conf.s3Credentials.inheritFromIAMRole && !(conf.s3Credentials[k]?.name && conf.s3Credentials[k]?.key)) fail(`ObjectStore ${storeName}: s3Credentials.${k} is not a Secret reference`);
          }
          if (!/^\d+[dwm]$/.test(store.spec?.retentionPolicy ?? '')) fail(`ObjectStore ${storeName}: retentionPolicy ${store.spec?.retentionPolicy} is not like 30d`);
        }
      }
      const scheduled = objs.of('ScheduledBackup', 'postgresql.cnpg.io').filter((s) => s.spec?.cluster?.name === name(cluster));
      if (scheduled.length === 0) fail('no ScheduledBackup for the Cluster');
      for (const s of scheduled) {
        if (String(s.spec.schedule ?? '').trim().split(/\s+/).length !== 6) fail(`ScheduledBackup ${name(s)}: schedule "${s.spec.schedule}" is not a six-field cron (seconds first)`);
        if (plugin && (s.spec.method !== 'plugin' || s.spec.pluginConfiguration?.name !== BARMAN_PLUGIN)) fail(`ScheduledBackup ${name(s)}: method must be plugin with pluginConfiguration ${BARMAN_PLUGIN}`);
      }
    });
  }

  // ------------------------------------------------------------ network isolation
  check('network-policies', 'NetworkPolicies', (fail) => {
    const nps = objs.of('NetworkPolicy', 'networking.k8s.io');
    const ingressPolicies = nps.filter((p) => (p.spec?.policyTypes ?? ['Ingress']).includes('Ingress'));
    const denyAll = ingressPolicies.find((p) => Object.keys(p.spec?.podSelector?.matchLabels ?? {}).length === 0
      && !(p.spec?.podSelector?.matchExpressions ?? []).length && (p.spec?.ingress ?? []).length === 0);
    if (!denyAll) fail('no default-deny ingress policy for the namespace');
    const routed = new Set(Object.values(ROUTES));
    const ingressNs = 'ingress-nginx';
    for (const dep of serviceDeployments) {
      const labels = dep.spec?.template?.metadata?.labels ?? {};
      const own = ingressPolicies.filter((p) => Object.keys(p.spec?.podSelector?.matchLabels ?? {}).length && matches(p.spec.podSelector.matchLabels, labels));
      if (own.length === 0) { fail(`${name(dep)}: no NetworkPolicy selects its pods`); continue; }
      const rules = own.flatMap((p) => p.spec.ingress ?? []);
      const fromIngress = rules.some((r) => (r.from ?? []).some((f) => f.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === ingressNs));
      if (routed.has(name(dep)) && !fromIngress) fail(`${name(dep)}: the ingress controller (namespace ${ingressNs}) may not reach it`);
      if (!routed.has(name(dep)) && fromIngress) fail(`${name(dep)}: has no public route but the ingress controller may reach it`);
      for (const r of rules) {
        if (!(r.from ?? []).length) fail(`${name(dep)}: a rule admits every source`);
        for (const f of r.from ?? []) if (f.ipBlock) fail(`${name(dep)}: a rule admits an ipBlock`);
        if (!(r.ports ?? []).length) fail(`${name(dep)}: a rule admits every port`);
        for (const p of r.ports ?? []) if (p.port !== 'http' && p.port !== CONTAINER_PORT) fail(`${name(dep)}: a rule admits port ${p.port}`);
      }
    }
    // only the services that use the database reach PostgreSQL
    if (cluster) {
      const sel = { 'cnpg.io/cluster': name(cluster) };
      const pgPolicies = ingressPolicies.filter((p) => Object.keys(p.spec?.podSelector?.matchLabels ?? {}).length && matches(p.spec.podSelector.matchLabels, sel));
      if (pgPolicies.length === 0) fail(`no NetworkPolicy selects the pods of Cluster ${name(cluster)}`);
      for (const r of pgPolicies.flatMap((p) => p.spec.ingress ?? [])) {
        const ports = (r.ports ?? []).map((p) => p.port);
        const reachesDb = ports.length === 0 || ports.includes(5432) || ports.includes('postgresql');
        if (!reachesDb) continue;
        if (!(r.from ?? []).length) { fail('PostgreSQL: a rule admits every source on 5432'); continue; }
        for (const f of r.from) {
          const labelsSel = f.podSelector?.matchLabels ?? {};
          if (f.ipBlock || f.namespaceSelector) { fail(`PostgreSQL: 5432 is open to ${JSON.stringify(f)}`); continue; }
          if (matches(labelsSel, sel) && labelsSel['cnpg.io/cluster'] === name(cluster)) continue; // replication among instances
          if (Object.keys(labelsSel).length === 0) { fail('PostgreSQL: 5432 is open to every pod of the namespace'); continue; }
          for (const d of deployments) {
            const svc = ctx.services[name(d)];
            if (matches(labelsSel, d.spec?.template?.metadata?.labels) && !svc?.usesDatabase) fail(`PostgreSQL: ${name(d)} has no datasource but may reach 5432`);
          }
        }
      }
      for (const dep of serviceDeployments.filter((d) => ctx.services[name(d)].usesDatabase)) {
        const labels = dep.spec?.template?.metadata?.labels ?? {};
        const admitted = pgPolicies.flatMap((p) => p.spec.ingress ?? []).some((r) => (r.from ?? []).some((f) => !f.namespaceSelector && f.podSelector?.matchLabels && Object.keys(f.podSelector.matchLabels).length && matches(f.podSelector.matchLabels, labels)));
        if (!admitted) fail(`PostgreSQL: ${name(dep)} uses the database but no rule admits it`);
      }
    }
  });

  // ------------------------------------------------------------ no committed credentials
  check('no-secret-data', 'Secrets', (fail) => {
    for (const s of objs.of('Secret')) {
      if (Object.keys(s.data ?? {}).length || Object.keys(s.stringData ?? {}).length) fail(`Secret ${name(s)} carries data: create it in the cluster, never commit it`);
    }
  });

  return results;
}

/** Files under deploy/k8s that declare a Secret with data, rendered or not (a stray file is caught too). */
export function secretFilesWithData(docs) {
  return docs.filter(({ obj }) => obj?.kind === 'Secret' && (Object.keys(obj.data ?? {}).length || Object.keys(obj.stringData ?? {}).length))
    .map(({ file, obj }) => `${file}: Secret ${obj.metadata?.name}`);
}
