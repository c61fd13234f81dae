/** The local PingOne simulator: what the demo, the end-to-end tests and the benchmark use. */
export { startSimulator, type RunningSimulator, type SimulatorOptions } from './start-simulator.js';
export type { Dataset, DatasetEnvironment } from './dataset.js';
export type { FaultPlan } from './faults.js';
export type { RateLimit } from './rate-limiter.js';
export type { PagedCollection } from './paging.js';
export { loadDataset } from './load-dataset.js';
export { generateDataset, generatedAuditorSecret } from './generate-dataset.js';
export { runSimulateCommand } from './serve.js';
export { FUTURE_VALUES, withFutureValues } from './future-values.js';
