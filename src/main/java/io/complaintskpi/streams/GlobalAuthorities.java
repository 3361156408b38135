package io.complaintskpi.streams;

import io.complaintskpi.authorities.Authorities;
import io.complaintskpi.authorities.Authority;
import io.complaintskpi.authorities.AuthorityCodec;
import io.complaintskpi.authorities.OmbudsmanAverage;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The authorities reference data as this instance's global table holds it: every instance holds all of it,
 * so no read crosses the network. Records there were validated before they were accepted. The table holds the
 * Ombudsman's averages beside the authorities, told apart by their key ({@link OmbudsmanAverage#isKey}).
 */
final class GlobalAuthorities implements Authorities {

    private final Supplier<ReadOnlyKeyValueStore<String, byte[]>> store;
    private final AuthorityCodec codec = new AuthorityCodec();

    GlobalAuthorities(Supplier<ReadOnlyKeyValueStore<String, byte[]>> store) {
        this.store = store;
    }

    @Override
    public Optional<Authority> authority(String code) {
        if (OmbudsmanAverage.isKey(code)) {
            return Optional.empty();
        }
        byte[] value = store.get().get(code);
        return value == null ? Optional.empty() : Optional.of(codec.decode(code, value));
    }

    @Override
    public List<Authority> all() {
        List<Authority> all = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.get().all()) {
            it.forEachRemaining(kv -> {
                if (!OmbudsmanAverage.isKey(kv.key)) {
                    all.add(codec.decode(kv.key, kv.value));
                }
            });
        }
        return all;
    }

    @Override
    public List<OmbudsmanAverage> averages() {
        List<OmbudsmanAverage> averages = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.get().all()) {
            it.forEachRemaining(kv -> {
                if (OmbudsmanAverage.isKey(kv.key)) {
                    averages.add(codec.decodeAverage(kv.key, kv.value));
                }
            });
        }
        return averages;
    }
}
