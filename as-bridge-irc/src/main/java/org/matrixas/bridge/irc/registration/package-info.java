/**
 * Making the bridge known to the homeserver: {@link org.matrixas.bridge.irc.registration.Registrations} (the
 * registration file, {@code --generate-registration}) and {@link org.matrixas.bridge.irc.registration.ApiRegistrar}
 * (the draft's registration API, retried until the homeserver is up).
 */
package org.matrixas.bridge.irc.registration;
