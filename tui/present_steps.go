package tui

import (
	"studyguide/meeting"
)

// step is one screenful of a presentation: meeting's, so a step means
// the same on every screen, a browser's too.
type step = meeting.Step
