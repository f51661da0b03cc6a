export { startTestServer, type TestServer } from "./http-server";
export { createMerchant, createApplication, createKey, bearer, signIn } from "./fixtures";
export { createTestDatabase, withDatabaseName, type TestDatabase } from "./test-database";
export { startNextServer, type NextServer } from "./next-server";
export { routeTestServer, failure } from "./route-test-server";
export { countQueries, queryCount } from "./query-count";
