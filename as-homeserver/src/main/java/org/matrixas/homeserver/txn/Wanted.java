package org.matrixas.homeserver.txn;

import java.util.ArrayList;
import java.util.List;
import org.matrixas.homeserver.registration.RegisteredService;

/** The services that want one event, as {@link InterestIndex#wanted} decided; an immutable snapshot. */
public final class Wanted {
    private final List<RegisteredService> services;
    private final long[] mask;

    Wanted(List<RegisteredService> services, long[] mask) {
        this.services = services;
        this.mask = mask;
    }

    public boolean contains(String serviceId) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).id().equals(serviceId)) {
                return Masks.contains(mask, i);
            }
        }
        return false;
    }

    public int count() {
        int n = 0;
        for (long w : mask) {
            n += Long.bitCount(w);
        }
        return n;
    }

    public boolean isEmpty() {
        return Masks.isEmpty(mask);
    }

    /** The ids of the services that want the event, in registration order. */
    public List<String> serviceIds() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            if (Masks.contains(mask, i)) {
                out.add(services.get(i).id());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Wanted" + serviceIds();
    }
}
