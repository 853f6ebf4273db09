/**
 * Events as an application service sees them: {@link org.matrixas.protocol.event.ClientEvent} (unknown fields
 * kept) and the pushed {@link org.matrixas.protocol.event.Transaction}.
 */
package org.matrixas.protocol.event;
