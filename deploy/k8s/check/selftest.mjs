// Self-test of the check: the policies must pass on the real manifests and fail on deliberately broken
// copies of them, each for the reason broken, so that the check cannot pass vacuously.
// Run by deploy/k8s/check/run before check.mjs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { runPolicies, secretFilesWithData } from './lib/policy.mjs';
import { validateObject } from './lib/schema.mjs';
import { describeService, loadServices, loadTopics, parseProperties, parseTopicsJava, TOPICS_JAVA } from './lib/sources.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const PROFILES = {
  dev: { singleReplica: true, highAvailability: false, backups: false },
  prod: { singleReplica: false, highAvailability: true, backups: true },
};

const rendered = {};
for (const o of Object.keys(PROFILES)) {
  const text = execFileSync('kubectl', ['kustomize', join(here, '../overlays', o)], { encoding: 'utf8' });
  rendered[o] = parseAllDocuments(text).map((d) => d.toJS()).filter(Boolean);
}
const topics = loadTopics(repoRoot);
const services = loadServices(repoRoot);

let passed = 0;
let failed = 0;
function expect(ok, label, detail) {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} selftest: ${label}${ok || !detail ? '' : `\n       - ${detail}`}`);
}

const find = (objs, kind, name) => objs.find((o) => o.kind === kind && o.metadata.name === name);
const container = (objs, dep) => find(objs, 'Deployment', dep).spec.template.spec.containers[0];

function failing(overlay, { objects, topicsOverride, servicesOverride }) {
  return runPolicies({ overlay, objects, topics: topicsOverride ?? topics, services: servicesOverride ?? services, profile: PROFILES[overlay] })
    .filter((r) => r.problems.length);
}

// ---------------------------------------------------------------- the real manifests pass, non-vacuously
for (const overlay of Object.keys(PROFILES)) {
  const results = runPolicies({ overlay, objects: rendered[overlay], topics, services, profile: PROFILES[overlay] });
  const bad = results.filter((r) => r.problems.length);
  expect(bad.length === 0, `[${overlay}] the real manifests pass every policy`, bad.map((r) => `${r.check}: ${r.problems.join('; ')}`).join(' | '));
  const perDeployment = results.filter((r) => r.subject.startsWith('Deployment/')).length;
  const want = Object.keys(services).length * (PROFILES[overlay].highAvailability ? 8 : 7);
  expect(perDeployment === want, `[${overlay}] ${perDeployment} per-Deployment checks ran (want ${want}: 3 services found in the sources)`);
}
expect(Object.keys(services).length === 3, `the sources list 3 services (${Object.keys(services)})`);
expect(topics.topics.length === 6 && topics.maxMessageBytes === 16 * 1024 * 1024, `${TOPICS_JAVA} parses to 6 topics and 16 MiB`);

// ---------------------------------------------------------------- each breakage is caught by its check
const cases = [
  ['dev', 'probes', 'no readinessProbe', (o) => { delete container(o, 'ingest-service').readinessProbe; }],
  ['dev', 'probes', 'readiness gives up after 10 s', (o) => { Object.assign(container(o, 'aggregate-service').readinessProbe, { periodSeconds: 5, failureThreshold: 2 }); }],
  ['dev', 'probes', 'liveness on the wrong path', (o) => { container(o, 'extract-service').livenessProbe.httpGet.path = '/q/health'; }],
  ['dev', 'resources', 'no memory limit', (o) => { delete container(o, 'extract-service').resources.limits.memory; }],
  ['prod', 'resources', 'request above limit', (o) => { container(o, 'ingest-service').resources.requests.cpu = '4'; }],
  ['dev', 'security-context', 'privilege escalation allowed', (o) => { container(o, 'ingest-service').securityContext.allowPrivilegeEscalation = true; }],
  ['dev', 'security-context', 'writable root filesystem', (o) => { container(o, 'aggregate-service').securityContext.readOnlyRootFilesystem = false; }],
  ['dev', 'security-context', 'capabilities not dropped', (o) => { delete container(o, 'extract-service').securityContext.capabilities; }],
  ['dev', 'security-context', 'runAsNonRoot missing', (o) => { delete container(o, 'extract-service').securityContext.runAsNonRoot; delete find(o, 'Deployment', 'extract-service').spec.template.spec.securityContext.runAsNonRoot; }],
  ['dev', 'security-context', 'ServiceAccount token mounted', (o) => { find(o, 'ServiceAccount', 'ingest-service').automountServiceAccountToken = true; }],
  ['dev', 'security-context', 'no /tmp emptyDir', (o) => { container(o, 'ingest-service').volumeMounts = []; }],
  ['dev', 'graceful-rollout', 'no preStop', (o) => { delete container(o, 'ingest-service').lifecycle; }],
  ['dev', 'graceful-rollout', 'no topology spread', (o) => { delete find(o, 'Deployment', 'aggregate-service').spec.template.spec.topologySpreadConstraints; }],
  ['dev', 'graceful-rollout', 'replicas set beside an autoscaler', (o) => { find(o, 'Deployment', 'extract-service').spec.replicas = 2; }],
  ['dev', 'configuration', 'DB password as a literal', (o) => { container(o, 'ingest-service').env.find((e) => e.name === 'DB_PASSWORD').valueFrom = undefined; container(o, 'ingest-service').env.find((e) => e.name === 'DB_PASSWORD').value = 'x'; }],
  ['dev', 'configuration', 'wrong HTTP port', (o) => { o.find((x) => x.kind === 'ConfigMap').data.QUARKUS_HTTP_PORT = '8081'; }],
  ['dev', 'service-and-pdb', 'no PodDisruptionBudget', (o) => { o.splice(o.indexOf(find(o, 'PodDisruptionBudget', 'extract-service')), 1); }],
  ['prod', 'autoscaling', 'KEDA maxReplicaCount above the partitions', (o) => { find(o, 'ScaledObject', 'extract-service').spec.maxReplicaCount = 7; }],
  ['prod', 'autoscaling', 'KEDA consumerGroup not the configured group.id', (o) => { find(o, 'ScaledObject', 'aggregate-service').spec.triggers[0].metadata.consumerGroup = 'aggregate'; }],
  ['prod', 'autoscaling', 'KEDA topic not consumed by the service', (o) => { find(o, 'ScaledObject', 'extract-service').spec.triggers[0].metadata.topic = 'sections.v1'; }],
  ['prod', 'autoscaling', 'KEDA offsetResetPolicy left at latest', (o) => { delete find(o, 'ScaledObject', 'extract-service').spec.triggers[0].metadata.offsetResetPolicy; }],
  ['prod', 'autoscaling', 'KEDA bootstrap not fully qualified', (o) => { find(o, 'ScaledObject', 'extract-service').spec.triggers[0].metadata.bootstrapServers = 'fazhi-kafka-bootstrap:9092'; }],
  ['dev', 'autoscaling', 'dev runs more than one replica', (o) => { find(o, 'HorizontalPodAutoscaler', 'ingest-service').spec.maxReplicas = 3; }],
  ['prod', 'anti-affinity', 'no pod anti-affinity in prod', (o) => { delete find(o, 'Deployment', 'ingest-service').spec.template.spec.affinity; }],
  ['prod', 'kafka-topics', 'KafkaTopic partitions differ from Topics.java', (o) => { find(o, 'KafkaTopic', 'report-status.v1').spec.partitions = 4; }],
  ['prod', 'kafka-topics', 'a Topics.java topic has no KafkaTopic', (o) => { o.splice(o.indexOf(find(o, 'KafkaTopic', 'sections.v1.dlq')), 1); }],
  ['prod', 'kafka-topics', 'reports.v1.dlq without the 16 MiB limit', (o) => { delete find(o, 'KafkaTopic', 'reports.v1.dlq').spec.config['max.message.bytes']; }],
  ['prod', 'kafka-topics', 'dead-letter retention not longer', (o) => { find(o, 'KafkaTopic', 'sections.v1.dlq').spec.config['retention.ms'] = 604800000; }],
  ['prod', 'kafka-cluster', 'Kafka listener open to every pod', (o) => { delete find(o, 'Kafka', 'fazhi').spec.kafka.listeners[0].networkPolicyPeers; }],
  ['prod', 'kafka-cluster', 'topics auto-created', (o) => { find(o, 'Kafka', 'fazhi').spec.kafka.config['auto.create.topics.enable'] = true; }],
  ['prod', 'postgres-cluster', 'max_connections too low for the pools', (o) => { find(o, 'Cluster', 'fazhi-pg').spec.postgresql.parameters.max_connections = '100'; }],
  ['prod', 'postgres-backups', 'no ScheduledBackup', (o) => { o.splice(o.indexOf(find(o, 'ScheduledBackup', 'fazhi-pg-daily')), 1); }],
  ['prod', 'postgres-backups', 'WAL archiver plugin missing', (o) => { delete find(o, 'Cluster', 'fazhi-pg').spec.plugins; }],
  ['prod', 'network-policies', 'PostgreSQL open to another namespace', (o) => { find(o, 'NetworkPolicy', 'fazhi-pg').spec.ingress[0].from.push({ namespaceSelector: {} }); }],
  ['prod', 'network-policies', 'no default deny', (o) => { o.splice(o.indexOf(find(o, 'NetworkPolicy', 'default-deny-ingress')), 1); }],
  ['prod', 'network-policies', 'extract-service reachable from the ingress controller', (o) => { find(o, 'NetworkPolicy', 'extract-service').spec.ingress[0].from.push({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }); }],
  ['prod', 'network-policies', 'extract-service may reach PostgreSQL', (o) => { find(o, 'Deployment', 'extract-service').spec.template.metadata.labels['fazhi.io/postgres-client'] = 'true'; }],
  ['prod', 'ingress-routes', '/api/v1/facts routed to ingest-service', (o) => { find(o, 'Ingress', 'fazhi').spec.rules[0].http.paths.find((p) => p.path === '/api/v1/facts').backend.service.name = 'ingest-service'; }],
  ['prod', 'ingress-routes', '/ as a Prefix exposes /q/metrics', (o) => { find(o, 'Ingress', 'fazhi').spec.rules[0].http.paths.find((p) => p.path === '/').pathType = 'Prefix'; }],
  ['prod', 'ingress-routes', 'body limit below the upload limit', (o) => { delete find(o, 'Ingress', 'fazhi').metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size']; }],
  ['prod', 'no-secret-data', 'a Secret with data', (o) => { o.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'fazhi-db-app' }, stringData: { password: 'x' } }); }],
];
for (const [overlay, checkName, what, mutate] of cases) {
  const objects = structuredClone(rendered[overlay]);
  mutate(objects);
  const bad = failing(overlay, { objects });
  expect(bad.some((r) => r.check === checkName), `[${overlay}] ${what} -> ${checkName} fails`, `failing: ${bad.map((r) => r.check).join(', ') || 'none'}`);
}

// ---------------------------------------------------------------- drift in the sources is caught
{
  const source = readFileSync(join(repoRoot, TOPICS_JAVA), 'utf8');
  const drifted = parseTopicsJava(source.replace(/new TopicSpec\(REPORTS,\s*6\)/, 'new TopicSpec(REPORTS, 12)'));
  expect(drifted.topics.find((t) => t.name === 'reports.v1')?.partitions === 12, 'Topics.java parser reads a changed partition count');
  const bad = failing('prod', { objects: structuredClone(rendered.prod), topicsOverride: drifted });
  expect(bad.some((r) => r.check === 'kafka-topics'), 'Topics.java says 12 partitions for reports.v1 -> kafka-topics fails');
  const renamed = parseTopicsJava(source.replace('"sections.v1"', '"sections.v2"'));
  expect(renamed.constants.SECTIONS_DLQ === 'sections.v2.dlq', 'Topics.java parser follows constant concatenation (SECTIONS + ".dlq")');
  const bad2 = failing('prod', { objects: structuredClone(rendered.prod), topicsOverride: renamed });
  expect(bad2.some((r) => r.check === 'kafka-topics') && bad2.some((r) => r.check === 'autoscaling'), 'Topics.java renames sections.v1 -> kafka-topics and autoscaling fail');
}
{
  const file = join(repoRoot, 'extract-service/src/main/resources/application.properties');
  const props = parseProperties(readFileSync(file, 'utf8').replace('incoming.reports.group.id=extract-service', 'incoming.reports.group.id=extractor'));
  const drifted = { ...services, 'extract-service': describeService('extract-service', props) };
  const bad = failing('prod', { objects: structuredClone(rendered.prod), servicesOverride: drifted });
  expect(bad.some((r) => r.check === 'autoscaling' && r.subject === 'Deployment/extract-service'), 'extract-service group.id changed in application.properties -> autoscaling fails');
  const p = parseProperties('a.b = x \\\n   y\n# c=d\n%prod.e:f\nmp.messaging.incoming.ch.connector=smallrye-kafka\n');
  expect(p.get('a.b') === 'x y' && !p.has('# c') && p.get('%prod.e') === 'f', 'properties parser: continuation, comments, ":" separator');
  expect(describeService('s', p).incoming[0]?.topic === 'ch', 'properties parser: a channel without .topic consumes the topic named after it');
}
{
  const leaks = secretFilesWithData([{ file: 'x.yaml', obj: { kind: 'Secret', metadata: { name: 's' }, data: { k: 'dg==' } } }]);
  expect(leaks.length === 1, 'a committed Secret file with data is reported');
}

// ---------------------------------------------------------------- schema validation rejects bad objects
const schemaCases = [
  ['Deployment with replicas "two"', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'two', selector: {}, template: {} } }, 'invalid'],
  ['Deployment without selector and template', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: {} }, 'invalid'],
  ['KafkaTopic with partitions "six"', { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic', metadata: { name: 'x' }, spec: { partitions: 'six' } }, 'invalid'],
  ['ScaledObject without scaleTargetRef', { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name: 'x' }, spec: { triggers: [] } }, 'invalid'],
  ['Cluster with instances "3"', { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'x' }, spec: { instances: '3' } }, 'invalid'],
  ['ScheduledBackup with an unknown method', { apiVersion: 'postgresql.cnpg.io/v1', kind: 'ScheduledBackup', metadata: { name: 'x' }, spec: { schedule: '0 0 0 * * *', cluster: { name: 'x' }, method: 'tape' } }, 'invalid'],
  ['a misspelled kind', { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopik', metadata: { name: 'x' } }, 'unknown-kind'],
  ['a valid Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { ports: [{ port: 80 }] } }, 'ok'],
];
for (const [what, obj, want] of schemaCases) {
  const r = await validateObject(obj);
  expect(r.status === want, `schema: ${what} -> ${want}`, `got ${r.status} ${r.message ?? ''}`);
}

console.log(`k8s-check selftest: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
