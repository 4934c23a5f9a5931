package chsink

// RunningInserts exposes runningInserts to the external tests.
var RunningInserts = runningInserts
