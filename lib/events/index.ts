export { recordEvent, createOwnedObject, listensTo, type DbTx } from "./record";
export { serializeEvent, listEvents, listObjectEvents, retrieveEvent } from "./events";
