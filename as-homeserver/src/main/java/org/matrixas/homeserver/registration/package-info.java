/**
 * The application-service registry: {@link org.matrixas.homeserver.registration.AppServiceRegistry} loads
 * registration files, serves the draft register/unregister API ({@link
 * org.matrixas.homeserver.registration.DraftRegistration}) and applies namespace exclusivity.
 */
package org.matrixas.homeserver.registration;
