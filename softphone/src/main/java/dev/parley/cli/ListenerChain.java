package dev.parley.cli;

import dev.parley.ua.Call;
import dev.parley.ua.CallState;
import dev.parley.ua.DtmfEvent;
import dev.parley.ua.PhoneError;
import dev.parley.ua.PhoneLine;
import dev.parley.ua.PhoneListener;
import dev.parley.ua.RegistrationStatus;
import dev.parley.ua.SipPacket;
import dev.parley.ua.TransferProgress;
import java.util.List;

/**
 * Several listeners in order: the observers (ladder, JSON events) first, the command's own
 * listener, which acts on calls, last.
 */
record ListenerChain(List<PhoneListener> listeners) implements PhoneListener {

    ListenerChain {
        listeners = List.copyOf(listeners);
    }

    @Override
    public void onRegistrationChanged(PhoneLine line, RegistrationStatus status) {
        listeners.forEach(l -> l.onRegistrationChanged(line, status));
    }

    @Override
    public void onIncomingCall(Call call) {
        listeners.forEach(l -> l.onIncomingCall(call));
    }

    @Override
    public void onCallStateChanged(Call call, CallState state) {
        listeners.forEach(l -> l.onCallStateChanged(call, state));
    }

    @Override
    public void onDtmf(Call call, DtmfEvent event) {
        listeners.forEach(l -> l.onDtmf(call, event));
    }

    @Override
    public void onTransferProgress(Call call, TransferProgress progress) {
        listeners.forEach(l -> l.onTransferProgress(call, progress));
    }

    @Override
    public void onCallTransferred(Call previous, Call replacement) {
        listeners.forEach(l -> l.onCallTransferred(previous, replacement));
    }

    @Override
    public void onSipPacket(SipPacket packet) {
        listeners.forEach(l -> l.onSipPacket(packet));
    }

    @Override
    public void onError(PhoneError error) {
        listeners.forEach(l -> l.onError(error));
    }
}
