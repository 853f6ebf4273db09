/** {@code GET /sync}: {@link org.matrixas.homeserver.sync.SyncService} (initial, incremental, long-poll). */
package org.matrixas.homeserver.sync;
