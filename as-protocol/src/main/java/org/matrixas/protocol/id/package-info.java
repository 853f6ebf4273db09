/**
 * Typed Matrix identifiers: {@link org.matrixas.protocol.id.UserId}, {@link org.matrixas.protocol.id.RoomId},
 * {@link org.matrixas.protocol.id.RoomAlias}, {@link org.matrixas.protocol.id.EventId}, {@link org.matrixas.protocol.id.MxcUri},
 * each with {@code parse} and
 * a named {@link org.matrixas.protocol.id.InvalidIdException}; {@link org.matrixas.protocol.id.UserIdEscaping} maps
 * remote names into the strict user-ID grammar.
 */
package org.matrixas.protocol.id;
