export { listRequestLogs, retrieveRequestLog, serializeRequestLog } from "./read";
export { RequestLogRecorder, REQUEST_LOG, type RequestLogEntry } from "./recorder";
export { pruneRequestLog } from "./retention";
