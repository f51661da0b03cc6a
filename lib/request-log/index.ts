export { listRequestLogs, retrieveRequestLog, serializeRequestLog } from "./read";
export { RequestLogRecorder, REQUEST_LOG, REQUEST_LOG_CHUNK_ROWS, type RequestLogEntry } from "./recorder";
export { pruneRequestLog } from "./retention";
