import { randomBytes } from "node:crypto";

// Before any app module reads its configuration (so nothing here imports one): the test process shares the cluster's
// Redis, under a prefix of this run's own, so what its fixtures change reaches the servers through the same channel
// and no other run's buckets or messages mix with this one's.
process.env.REDIS_URL = process.env.TEST_REDIS_URL;
process.env.REDIS_PREFIX ??= `mc_cluster_${randomBytes(4).toString("hex")}:`;
