package dev.parley.ua.internal.dialog;

import dev.parley.sip.message.SipRequest;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The dialogs of one phone, by {@link DialogId}, with the dispatch rule of RFC 3261 §12.2.2 for
 * incoming requests. Bounded: a phone refuses new dialogs once {@code maxDialogs} exist.
 *
 * @param <D> what the phone keeps per dialog (the call that owns it)
 */
public final class DialogTable<D> {

    /** Where an incoming request belongs. */
    public sealed interface Match<D> {
    }

    /** No To tag: a request outside any dialog (a new call, OPTIONS, REGISTER…). */
    public record OutOfDialog<D>() implements Match<D> {
    }

    /** The request belongs to this dialog. */
    public record InDialog<D>(D owner) implements Match<D> {
    }

    /**
     * RFC 3261 §12.2.2: a To tag that matches no dialog: answer 481 Call/Transaction Does Not Exist
     * (an ACK is absorbed silently: it has no response).
     */
    public record UnknownDialog<D>() implements Match<D> {
    }

    private final int maxDialogs;
    private final Map<DialogId, D> dialogs = new HashMap<>();

    public DialogTable(int maxDialogs) {
        if (maxDialogs < 1) {
            throw new IllegalArgumentException("maxDialogs " + maxDialogs);
        }
        this.maxDialogs = maxDialogs;
    }

    /** Adds a dialog; false when the table is full (the caller answers 503) or the id is taken. */
    public boolean add(DialogId id, D owner) {
        if (dialogs.size() >= maxDialogs || dialogs.containsKey(id)) {
            return false;
        }
        dialogs.put(id, owner);
        return true;
    }

    public void remove(DialogId id) {
        dialogs.remove(id);
    }

    public D get(DialogId id) {
        return dialogs.get(id);
    }

    public int size() {
        return dialogs.size();
    }

    public Collection<D> owners() {
        return Collections.unmodifiableCollection(dialogs.values());
    }

    /** RFC 3261 §12.2: a request with a To tag belongs to a dialog; one without starts outside any. */
    public Match<D> match(SipRequest request) {
        if (request.to().tag().isEmpty()) {
            return new OutOfDialog<>();
        }
        DialogId id = DialogId.ofIncomingRequest(request);
        D owner = id == null ? null : dialogs.get(id);
        return owner == null ? new UnknownDialog<>() : new InDialog<>(owner);
    }
}
