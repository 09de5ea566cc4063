// Package quiz is the scenario quiz as pure logic: which items a session
// asks and in what order, checking answers, scoring, and the review
// schedule that brings missed items back sooner. It has no terminal code;
// the quiz screen, the presenter and a plain line mode all drive a Session.
package quiz

import (
	"errors"
	"fmt"
	"maps"
	"time"

	"studyguide/content"
)

// Mode says which scenarios a session asks.
type Mode int

// The modes of a session.
const (
	All     Mode = iota // every scenario
	Chapter             // the scenarios whose passage is in one chapter
	Review              // the scenarios due for review, missed ones first
)

var modeNames = [...]string{All: "all", Chapter: "chapter", Review: "review"}

// String is the mode's name as saved in the quiz history.
func (m Mode) String() string {
	if m < 0 || int(m) >= len(modeNames) {
		return fmt.Sprintf("Mode(%d)", int(m))
	}
	return modeNames[m]
}

// Options choose a session's items and their order.
type Options struct {
	Mode    Mode
	Chapter int // for Chapter mode
	// Seed fixes the order: the same seed gives the same sequence, so a room
	// working through the quiz together sees the same items in the same
	// order, whatever each one has due. 0 picks a random order, after the
	// items due for review (missed ones first).
	Seed int64
	// Limit caps the number of items; 0 asks them all.
	Limit int
	// Cards is the review schedule (see progress.State.QuizCards). Review
	// mode picks from it; every answer updates the session's copy.
	Cards map[string]Card
	// Now is the session's time: it picks what is due, dates the session's
	// record and the schedule. Zero means the current time.
	Now time.Time
}

// Errors a session reports.
var (
	// ErrNothingDue is returned for a review when no item is due.
	ErrNothingDue = errors.New("nothing is due for review")
	// ErrNotNow is returned for an answer the session is not waiting for.
	ErrNotNow = errors.New("the quiz is not waiting for that answer")
)

// Step is what a session waits for.
type Step int

// The steps of an item.
const (
	AwaitAnswer Step = iota // a category for the current item
	AwaitSign               // the follow-up: which sign does it show?
	Answered                // nothing: show the feedback, then Next
	Finished                // nothing: every item has been met
)

// Session is one run through a set of scenarios. Answers are recorded as
// they come, so a session stopped early still gives a summary and a record
// of what was answered.
type Session struct {
	bank    *content.QuizBank
	mode    Mode
	chapter int
	seed    int64
	start   time.Time
	items   []*content.Scenario
	answers []answer // one per item
	i       int
	cards   map[string]Card
	changed map[string]bool
	// dueFirst puts the items due for review first (no seed was given).
	dueFirst bool
}

// answer is what happened to one item.
type answer struct {
	category string // "" until answered
	correct  bool   // the category was right
	askSign  bool
	signed   bool   // the follow-up is over (answered, or passed by)
	sign     string // the sign named; "" if passed by
	signOK   bool
}

// done reports whether the item counts: classified, and its follow-up over.
func (a answer) done() bool { return a.category != "" && (!a.askSign || a.signed) }

// right reports whether the item was answered right throughout.
func (a answer) right() bool { return a.correct && (!a.askSign || a.signOK) }

// NewSession starts a session on a bank.
func NewSession(bank *content.QuizBank, opts Options) (*Session, error) {
	if bank == nil || len(bank.Scenarios) == 0 {
		return nil, errors.New("this pack has no quiz")
	}
	s := &Session{bank: bank, mode: opts.Mode, chapter: opts.Chapter, seed: opts.Seed, start: opts.Now,
		cards: map[string]Card{}, changed: map[string]bool{}, dueFirst: opts.Seed == 0}
	if s.start.IsZero() {
		s.start = time.Now()
	}
	s.start = s.start.Round(0) // no monotonic reading: it is saved and compared
	if s.seed == 0 {
		s.seed = s.start.UnixNano()
	}
	maps.Copy(s.cards, opts.Cards)
	items, err := s.pick()
	if err != nil {
		return nil, err
	}
	if opts.Limit > 0 && len(items) > opts.Limit {
		items = items[:opts.Limit]
	}
	s.items, s.answers = items, make([]answer, len(items))
	return s, nil
}

// pick chooses the items for the mode, in session order.
func (s *Session) pick() ([]*content.Scenario, error) {
	switch s.mode {
	case All:
		return s.dueThenShuffled(s.bank.Scenarios), nil
	case Chapter:
		items := s.bank.ByChapter(s.chapter)
		if len(items) == 0 {
			return nil, fmt.Errorf("chapter %d has no scenarios", s.chapter)
		}
		return s.dueThenShuffled(items), nil
	case Review:
		var items []*content.Scenario
		for _, id := range Due(s.cards, s.bank, s.start) {
			sc, _ := s.bank.Scenario(id)
			items = append(items, sc)
		}
		if len(items) == 0 {
			return nil, ErrNothingDue
		}
		// Lowest box first; within a box, the seed's order.
		items = shuffled(items, s.seed)
		sortStableBy(items, func(sc *content.Scenario) int { return s.cards[sc.ID].Box })
		return items, nil
	}
	return nil, fmt.Errorf("unknown quiz mode %v", s.mode)
}

// dueThenShuffled is items in the seed's order; without a seed given, the
// ones due for review come first, in the order of Due (missed ones first).
func (s *Session) dueThenShuffled(items []*content.Scenario) []*content.Scenario {
	rest := shuffled(items, s.seed)
	if !s.dueFirst {
		return rest
	}
	in := map[string]bool{}
	for _, sc := range items {
		in[sc.ID] = true
	}
	var out []*content.Scenario
	first := map[string]bool{}
	for _, id := range Due(s.cards, s.bank, s.start) {
		if sc, ok := s.bank.Scenario(id); ok && in[id] {
			out = append(out, sc)
			first[id] = true
		}
	}
	for _, sc := range rest {
		if !first[sc.ID] {
			out = append(out, sc)
		}
	}
	return out
}

// Mode is the session's mode.
func (s *Session) Mode() Mode { return s.mode }

// Chapter is the session's chapter in Chapter mode.
func (s *Session) Chapter() int { return s.chapter }

// Seed is the seed of the session's order: pass it to another session to
// get the same order.
func (s *Session) Seed() int64 { return s.seed }

// Len is the number of items in the session.
func (s *Session) Len() int { return len(s.items) }

// Index is the 0-based place of the current item; Len when finished.
func (s *Session) Index() int { return s.i }

// Items are the session's scenarios in order.
func (s *Session) Items() []*content.Scenario { return s.items }

// Current is the item being asked, nil when finished.
func (s *Session) Current() *content.Scenario {
	if s.Done() {
		return nil
	}
	return s.items[s.i]
}

// Done reports whether every item has been met.
func (s *Session) Done() bool { return s.i >= len(s.items) }

// Step is what the session waits for.
func (s *Session) Step() Step {
	switch {
	case s.Done():
		return Finished
	case s.answers[s.i].category == "":
		return AwaitAnswer
	case !s.answers[s.i].done():
		return AwaitSign
	}
	return Answered
}
