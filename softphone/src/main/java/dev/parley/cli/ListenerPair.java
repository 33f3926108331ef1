package dev.parley.cli;

import dev.parley.ua.Call;
import dev.parley.ua.CallState;
import dev.parley.ua.DtmfEvent;
import dev.parley.ua.PhoneError;
import dev.parley.ua.PhoneLine;
import dev.parley.ua.PhoneListener;
import dev.parley.ua.RegistrationStatus;
import dev.parley.ua.TransferProgress;

/** Two listeners in order: the first only observes (the JSON printer), the second acts. */
record ListenerPair(PhoneListener first, PhoneListener second) implements PhoneListener {

    @Override
    public void onRegistrationChanged(PhoneLine line, RegistrationStatus status) {
        first.onRegistrationChanged(line, status);
        second.onRegistrationChanged(line, status);
    }

    @Override
    public void onIncomingCall(Call call) {
        first.onIncomingCall(call);
        second.onIncomingCall(call);
    }

    @Override
    public void onCallStateChanged(Call call, CallState state) {
        first.onCallStateChanged(call, state);
        second.onCallStateChanged(call, state);
    }

    @Override
    public void onDtmf(Call call, DtmfEvent event) {
        first.onDtmf(call, event);
        second.onDtmf(call, event);
    }

    @Override
    public void onTransferProgress(Call call, TransferProgress progress) {
        first.onTransferProgress(call, progress);
        second.onTransferProgress(call, progress);
    }

    @Override
    public void onError(PhoneError error) {
        first.onError(error);
        second.onError(error);
    }
}
