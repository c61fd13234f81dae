/** The local PingOne simulator: what the demo, the end-to-end tests and the benchmark use. */
export { startSimulator, type RequestLogEntry, type RunningSimulator, type SimulatorOptions } from './start-simulator.js';
export type { Dataset, DatasetCredential, DatasetEnvironment } from './dataset.js';
export type { FaultPlan, RandomFaultKind } from './faults.js';
export type { RateLimit } from './rate-limiter.js';
export type { PagedCollection } from './paging.js';
export { builtInDatasets, datasetPath, loadDataset } from './load-dataset.js';
export { generateDataset, generatedAuditorSecret, type GenerateDatasetOptions } from './generate-dataset.js';
export { runSimulateCommand, type SimulateCommandOptions } from './serve.js';
