package dev.parley.ua;

import java.util.List;

/**
 * A local conference: a mixer on this phone that joins several of its calls so that each
 * participant hears the sum of the others (N−1 mixing), and the phone's own user, through
 * {@link #audioSource} and {@link #audioSink}, talks to and hears all of them. Make one with
 * {@link SoftPhone#newConference()}.
 *
 * <pre>{@code
 * Conference conf = phone.newConference();
 * conf.audioSource(AudioSources.wavFile(Path.of("host.wav"), true)); // what the host says
 * conf.audioSink(AudioSinks.wavFile(Path.of("room.wav"), 16000));     // what the host hears
 * conf.add(callToAlice);
 * conf.add(callToBob);              // Alice and Bob now hear each other and the host
 * conf.mute(callToBob, true);       // nobody hears Bob; Bob still hears everyone
 * conf.remove(callToAlice);         // Alice is back in a plain call with the host's own audio
 * conf.close();                     // every remaining call returns to its own audio
 * }</pre>
 *
 * <p>While in a conference a call's own {@link Call#audioSource source} and
 * {@link Call#audioSink sink} are paused (kept, neither read nor written); they resume when the
 * call leaves it. A call ending leaves the conference by itself; a call that a transfer or a
 * Replaces swaps for a new one ({@link PhoneListener#onCallTransferred}) hands its place, muted or
 * not, to the new call. A call on hold (either side) is
 * not heard by the others and is sent silence. Calls may use different codecs: every leg is
 * converted to the conference's rate ({@link #sampleRate()}: 16000 Hz by default) and back.
 *
 * <p>Mixing runs on the media thread, driven by the calls' own 20 ms media ticks, with saturating
 * 16-bit arithmetic and no allocation per frame. This is signalling-free mixing on one phone:
 * the participants see ordinary two-party calls (no RFC 4353/4579 conference focus, no
 * {@code isfocus}, no conference event package).
 *
 * <p>Thread-safe; every method returns at once.
 */
public interface Conference extends AutoCloseable {

    /** The most participants one conference holds. */
    int MAX_PARTICIPANTS = 32;

    /**
     * Joins {@code call} to the conference (a no-op if it is already in this one). The call may be
     * ringing or established; its audio joins the mix as soon as its media flows.
     *
     * @throws IllegalArgumentException if the call belongs to another phone
     * @throws IllegalStateException    if the call ended, is in another conference, the conference is
     *                                  full or closed
     */
    void add(Call call);

    /**
     * Takes {@code call} out of the conference: it returns to its own source and sink.
     *
     * @return false if it was not a participant
     */
    boolean remove(Call call);

    /**
     * Mutes or unmutes a participant: a muted participant is not heard by the others (nor by the
     * local user) but still hears them.
     *
     * @throws IllegalArgumentException if {@code call} is not a participant
     */
    void mute(Call call, boolean muted);

    /** Whether a participant is muted (false for a call that is not a participant). */
    boolean isMuted(Call call);

    /** The participants, in the order they joined. */
    List<Call> participants();

    /**
     * What the local user says into the conference, read once per 20 ms at {@link #sampleRate()}
     * (replaces and closes the previous source). Without one, the local user is silent.
     */
    void audioSource(AudioSource source);

    /**
     * Where the local user hears the sum of all participants, one frame per 20 ms at
     * {@link #sampleRate()} (replaces and closes the previous sink).
     */
    void audioSink(AudioSink sink);

    /** The rate the conference mixes at: 8000 or 16000 Hz. */
    int sampleRate();

    /** Removes every participant (each returns to its own audio) and closes the local source and sink. */
    @Override
    void close();
}
