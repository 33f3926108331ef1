package dev.parley.ua.internal.phone;

import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSource;
import dev.parley.ua.Call;
import dev.parley.ua.CallState;
import dev.parley.ua.Conference;
import dev.parley.ua.internal.media.ConferenceMixer;
import dev.parley.ua.internal.media.MixLeg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Conference} of one phone: a {@link ConferenceMixer} and the calls whose media is routed
 * through it. Membership changes happen under this object's lock; the switch of a call's media
 * to and from its {@link MixLeg} runs on the SIP thread, in order, like every other media change.
 */
public final class ConferenceImpl implements Conference {

    private final PhoneCore core;
    private final ConferenceMixer mixer;
    private final Map<CallImpl, MixLeg> members = new LinkedHashMap<>();
    private final java.util.function.Consumer<ConferenceImpl> onClose;
    private boolean closed;

    /** {@code onClose} is told once when the conference is closed (the phone forgets it). */
    public ConferenceImpl(PhoneCore core, int sampleRate, java.util.function.Consumer<ConferenceImpl> onClose) {
        this.core = core;
        this.mixer = new ConferenceMixer(sampleRate, MAX_PARTICIPANTS);
        this.onClose = onClose;
    }

    @Override
    public void add(Call call) {
        CallImpl c = own(call);
        MixLeg leg;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the conference is closed");
            }
            if (members.containsKey(c)) {
                return;
            }
            if (c.state() == CallState.ENDED) {
                throw new IllegalStateException("the call has ended: " + c);
            }
            if (!c.conference.compareAndSet(null, this)) {
                throw new IllegalStateException("the call is in another conference: " + c);
            }
            try {
                leg = mixer.join(() -> onHold(c));
            } catch (IllegalStateException full) {
                c.conference.set(null);
                throw full;
            }
            members.put(c, leg);
        }
        // A call that ends later leaves in CallImpl.finish; one that ended since the check above, here.
        core.runtime().execute(() -> {
            if (c.state() == CallState.ENDED) {
                remove(c);
            } else {
                c.media().joinConference(leg);
            }
        });
    }

    private static boolean onHold(CallImpl c) {
        CallState s = c.state();
        return s == CallState.LOCAL_HOLD || s == CallState.REMOTE_HOLD;
    }

    private CallImpl own(Call call) {
        Objects.requireNonNull(call, "call");
        if (!(call instanceof CallImpl c) || c.core != core) {
            throw new IllegalArgumentException("not a call of this phone: " + call);
        }
        return c;
    }

    @Override
    public boolean remove(Call call) {
        if (!(call instanceof CallImpl c)) {
            return false;
        }
        MixLeg leg;
        synchronized (this) {
            leg = members.remove(c);
            if (leg == null) {
                return false;
            }
            mixer.leave(leg);
            c.conference.compareAndSet(this, null);
        }
        core.runtime().execute(() -> {
            CallMedia m = c.media;
            if (m != null) {
                m.leaveConference(leg);
            }
        });
        return true;
    }

    /**
     * A transfer or a Replaces moved {@code from}'s conversation to {@code to} (on the SIP thread):
     * {@code to} takes {@code from}'s place among the participants, muted as {@code from} was. Nothing
     * changes when {@code to} is already in a conference ({@code from} then leaves when it ends).
     */
    void handOver(CallImpl from, CallImpl to) {
        MixLeg oldLeg;
        MixLeg newLeg;
        synchronized (this) {
            oldLeg = members.get(from);
            if (oldLeg == null || closed || to.state() == CallState.ENDED || !to.conference.compareAndSet(null, this)) {
                return;
            }
            mixer.leave(oldLeg);
            newLeg = mixer.join(() -> onHold(to)); // cannot be full: a place was just freed
            newLeg.mute(oldLeg.muted());
            Map<CallImpl, MixLeg> reordered = new LinkedHashMap<>();
            members.forEach((call, leg) -> reordered.put(call == from ? to : call, call == from ? newLeg : leg));
            members.clear();
            members.putAll(reordered);
            from.conference.compareAndSet(this, null);
        }
        CallMedia old = from.media;
        if (old != null) {
            old.leaveConference(oldLeg);
        }
        to.media().joinConference(newLeg);
    }

    @Override
    public synchronized void mute(Call call, boolean muted) {
        MixLeg leg = call instanceof CallImpl c ? members.get(c) : null;
        if (leg == null) {
            throw new IllegalArgumentException("not a participant: " + call);
        }
        leg.mute(muted);
    }

    @Override
    public synchronized boolean isMuted(Call call) {
        MixLeg leg = call instanceof CallImpl c ? members.get(c) : null;
        return leg != null && leg.muted();
    }

    @Override
    public synchronized List<Call> participants() {
        return List.copyOf(members.keySet());
    }

    @Override
    public void audioSource(AudioSource source) {
        AudioSource old;
        synchronized (this) {
            if (closed) {
                if (source != null) {
                    source.close();
                }
                return;
            }
            old = mixer.localSource(source);
        }
        if (old != null && old != source) {
            old.close();
        }
    }

    @Override
    public void audioSink(AudioSink sink) {
        AudioSink old;
        synchronized (this) {
            if (closed) {
                if (sink != null) {
                    sink.close();
                }
                return;
            }
            old = mixer.localSink(sink);
        }
        if (old != null && old != sink) {
            old.close();
        }
    }

    @Override
    public int sampleRate() {
        return mixer.sampleRate();
    }

    /** Cycles mixed so far (for tests and diagnostics). */
    public long cycles() {
        return mixer.cycles();
    }

    @Override
    public void close() {
        List<CallImpl> all;
        AudioSource source;
        AudioSink sink;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(members.keySet());
            source = mixer.localSource(null);
            sink = mixer.localSink(null);
        }
        for (CallImpl c : all) {
            remove(c);
        }
        if (source != null) {
            source.close();
        }
        if (sink != null) {
            sink.close();
        }
        onClose.accept(this);
    }

    @Override
    public synchronized String toString() {
        return "Conference at " + mixer.sampleRate() + " Hz of " + members.size() + " calls" + (closed ? " (closed)" : "");
    }
}
