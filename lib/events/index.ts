export { recordEvent, createOwnedObject, listensTo, type DbTx } from "./record";
export { serializeEvent, listEvents, retrieveEvent } from "./events";
