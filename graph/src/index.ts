export * from './model';
export * from './ids';
export * from './store';
export * from './config';
export * from './backup';
export * from './check';
export { openGraphStore } from './open';
export { SqliteGraphStore } from './sqlite/store';
export { Neo4jGraphStore } from './neo4j/store';
