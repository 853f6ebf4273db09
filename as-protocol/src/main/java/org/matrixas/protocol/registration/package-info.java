/**
 * How an application service makes itself known: the stable {@link
 * org.matrixas.protocol.registration.Registration} file ({@link org.matrixas.protocol.registration.RegistrationFiles})
 * and the draft's register/unregister API ({@link org.matrixas.protocol.registration.RegisterRequest}).
 */
package org.matrixas.protocol.registration;
