/**
 * Blocking user and alias queries to application services: {@link org.matrixas.homeserver.query.QueryService}
 * (coalesced, retried, never holding a lock while the service calls back).
 */
package org.matrixas.homeserver.query;
