// Offline check of the Kubernetes manifests (deploy/k8s), run by deploy/k8s/check/run and by the build.
//  1. `kubectl kustomize` renders every overlay;
//  2. every rendered object validates against its schema (kubernetes-models and the Strimzi,
//     CloudNativePG and KEDA model packages);
//  3. the policies of lib/policy.mjs hold, against the facts read from Topics.java and the services'
//     application.properties.
// Prints one line per check and exits 1 on any failure.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { validateObject } from './lib/schema.mjs';
import { runPolicies, secretFilesWithData } from './lib/policy.mjs';
import { loadServices, loadTopics, TOPICS_JAVA } from './lib/sources.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const k8sDir = resolve(here, '..');
const repoRoot = resolve(k8sDir, '../..');

// What each overlay promises beyond the common policies.
const PROFILES = {
  dev: { singleReplica: true, highAvailability: false, backups: false },
  prod: { singleReplica: false, highAvailability: true, backups: true },
};

let passed = 0;
let failed = 0;
function report(ok, label, problems = []) {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${label}`);
  for (const p of problems) console.log(`       - ${p}`);
}

export function parseYaml(text, source) {
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length) throw new Error(`${source}: ${doc.errors[0].message}`);
    return doc.toJS();
  }).filter((o) => o !== null && o !== undefined);
}

function render(overlayDir) {
  return execFileSync('kubectl', ['kustomize', overlayDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

function yamlFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const p = join(dir, entry);
    if (entry === 'node_modules' || entry.startsWith('.')) return [];
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(entry) ? [p] : [];
  });
}

async function main() {
  let topics;
  let services;
  try {
    topics = loadTopics(repoRoot);
    services = loadServices(repoRoot);
    report(true, `sources: ${TOPICS_JAVA} (${topics.topics.map((t) => `${t.name}:${t.partitions}`).join(' ')}; max ${topics.maxMessageBytes} B), services ${Object.keys(services).join(' ')}`);
  } catch (e) {
    report(false, 'sources: read Topics.java and application.properties', [e.message]);
    return;
  }
  if (Object.keys(services).length === 0) report(false, 'sources: no service modules found');

  // committed files: no Secret with data anywhere under deploy/k8s
  const docs = [];
  for (const f of yamlFiles(k8sDir)) {
    try {
      for (const obj of parseYaml(readFileSync(f, 'utf8'), f)) docs.push({ file: relative(repoRoot, f), obj });
    } catch (e) {
      report(false, `yaml: ${relative(repoRoot, f)}`, [e.message]);
    }
  }
  const leaked = secretFilesWithData(docs);
  report(leaked.length === 0, `files: no Secret with data in deploy/k8s (${docs.length} documents)`, leaked);

  const overlaysDir = join(k8sDir, 'overlays');
  const overlays = readdirSync(overlaysDir).filter((d) => statSync(join(overlaysDir, d)).isDirectory()).sort();
  for (const o of Object.keys(PROFILES)) if (!overlays.includes(o)) report(false, `overlay ${o} exists`);
  for (const overlay of overlays) {
    const profile = PROFILES[overlay];
    if (!profile) { report(false, `[${overlay}] overlay has no profile in check.mjs (what does it promise?)`); continue; }
    let objects;
    try {
      objects = parseYaml(render(join(overlaysDir, overlay)), overlay);
      report(true, `[${overlay}] kubectl kustomize renders ${objects.length} objects`);
    } catch (e) {
      report(false, `[${overlay}] kubectl kustomize`, [String(e.stderr || e.message).trim()]);
      continue;
    }
    const bySchema = { ok: 0, 'no-model': [] };
    const schemaProblems = [];
    for (const obj of objects) {
      const r = await validateObject(obj);
      if (r.status === 'ok') bySchema.ok++;
      else if (r.status === 'no-model') bySchema['no-model'].push(`${obj.kind}/${obj.metadata?.name}`);
      else schemaProblems.push(`${obj.apiVersion} ${obj.kind}/${obj.metadata?.name}: ${r.message}`);
    }
    report(schemaProblems.length === 0, `[${overlay}] schema: ${bySchema.ok} objects valid${bySchema['no-model'].length ? `; without a model package (structural checks only): ${bySchema['no-model'].join(', ')}` : ''}`, schemaProblems);
    for (const r of runPolicies({ overlay, objects, topics, services, profile })) {
      report(r.problems.length === 0, `[${overlay}] ${r.check}: ${r.subject}`, r.problems);
    }
  }
}

try {
  await main();
} catch (e) {
  report(false, 'check crashed', [e.stack]);
}
console.log(`k8s-check: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
