/**
 * The embedded SQLite database: {@link org.matrixas.homeserver.store.Database} (one writer, a few readers, WAL,
 * a versioned schema) and {@link org.matrixas.homeserver.store.Sql} helpers. Feature packages keep their own SQL
 * next to their logic; this package owns only the connection handling and the schema.
 */
package org.matrixas.homeserver.store;
