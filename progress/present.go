package progress

import (
	"maps"
	"reflect"
	"slices"
	"time"
)

// Presentation is where a facilitator's presentation stands, kept under
// their profile so the next meeting starts exactly there: the step, the
// room's hands for every item counted and how far each was revealed, and
// the discussion timer.
type Presentation struct {
	// Step is the step's place in the deck; Chapter and Kind say what it
	// was, so a deck built differently (another --items or --seed, an
	// edited pack) is not trusted blindly.
	Step    int    `json:"step"`
	Chapter int    `json:"chapter"`
	Kind    string `json:"kind"`
	// Items and Seed are what the deck was built with.
	Items int   `json:"items"`
	Seed  int64 `json:"seed"`
	// Votes are the room's hands, by scenario ID.
	Votes map[string]RoomVote `json:"votes,omitempty"`
	Timer Timer               `json:"timer,omitzero"`
	// At is when this was recorded; of two copies the later wins.
	At time.Time `json:"at"`
}

// RoomVote is the hands a room raised on one scenario and how much of its
// answer has been shown.
type RoomVote struct {
	Categories   []int `json:"categories"`
	Signs        []int `json:"signs,omitempty"`
	Revealed     bool  `json:"revealed,omitempty"`
	SignRevealed bool  `json:"sign_revealed,omitempty"`
	Explained    bool  `json:"explained,omitempty"`
}

// Timer is the discussion countdown, in seconds; it is kept paused.
type Timer struct {
	Set   int  `json:"set"`
	Left  int  `json:"left"`
	Shown bool `json:"shown,omitempty"`
}

// SetPresentation records where a presentation stands. It changes the
// state (and so is saved) only when something but the time differs.
func (s *State) SetPresentation(p Presentation) {
	if old := s.Present; old != nil {
		o, n := *old, p
		o.At, n.At = time.Time{}, time.Time{}
		if reflect.DeepEqual(o, n) {
			return
		}
	}
	p.At = s.clock()
	s.Present = &p
	s.changes++
}

// clone is a deep copy.
func (p *Presentation) clone() *Presentation {
	if p == nil {
		return nil
	}
	c := *p
	c.Votes = maps.Clone(p.Votes)
	for id, v := range c.Votes {
		v.Categories, v.Signs = slices.Clone(v.Categories), slices.Clone(v.Signs)
		c.Votes[id] = v
	}
	return &c
}
