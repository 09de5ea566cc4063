package progress

import (
	"encoding/json"
	"maps"
	"slices"
	"sort"
	"time"
)

// Quiz is what a reader keeps of the scenario quiz: when each scenario
// comes up for review, and a record of every session. It is plain data; the
// quiz package decides what goes in it.
type Quiz struct {
	// Cards is the review schedule, by scenario ID.
	Cards map[string]Card `json:"cards,omitempty"`
	// History is every recorded session, oldest first.
	History []SessionRecord `json:"history,omitempty"`

	// extra holds fields a newer version wrote inside "quiz".
	extra map[string]json.RawMessage
}

// Card is where one scenario stands in the reader's review schedule (a
// Leitner box and when it is next due) and how it has gone so far.
type Card struct {
	Box   int       `json:"box"`   // 1 (comes back at once) to 5 (rarely)
	Due   time.Time `json:"due"`   // when it is next due for review
	Seen  int       `json:"seen"`  // times answered
	Right int       `json:"right"` // times answered right
	// LastMissed says the last answer was wrong.
	LastMissed bool `json:"last_missed,omitempty"`
	// Last is when it was last answered; when two copies of the program
	// disagree about a card, the later answer wins.
	Last time.Time `json:"last"`
}

func (c Card) equal(d Card) bool {
	return c.Box == d.Box && c.Due.Equal(d.Due) && c.Seen == d.Seen && c.Right == d.Right &&
		c.LastMissed == d.LastMissed && c.Last.Equal(d.Last)
}

// newer reports whether c records a later answer than d.
func (c Card) newer(d Card) bool {
	if !c.Last.Equal(d.Last) {
		return c.Last.After(d.Last)
	}
	return c.Seen > d.Seen
}

// Tally counts how often something was asked and how often it was right.
type Tally struct {
	Asked int `json:"asked"`
	Right int `json:"right"`
}

// SessionRecord is what is kept of one quiz session, finished or stopped
// early.
type SessionRecord struct {
	// At is when the session started; it identifies the session.
	At      time.Time `json:"at"`
	Mode    string    `json:"mode"`              // "all", "chapter" or "review"
	Chapter int       `json:"chapter,omitempty"` // for mode "chapter"
	// Total is how many items the session had; fewer were answered when it
	// was stopped early.
	Total    int `json:"total"`
	Answered int `json:"answered"`
	Correct  int `json:"correct"`
	// Missed are the IDs of scenarios answered wrong, in the order met.
	Missed []string `json:"missed,omitempty"`
	// Signs is, by sign ID, how the follow-up question went.
	Signs map[string]Tally `json:"signs,omitempty"`
}

// Stopped reports whether the session ended before its last item.
func (r SessionRecord) Stopped() bool { return r.Answered < r.Total }

func (r SessionRecord) equal(o SessionRecord) bool {
	return r.At.Equal(o.At) && r.Mode == o.Mode && r.Chapter == o.Chapter && r.Total == o.Total &&
		r.Answered == o.Answered && r.Correct == o.Correct && slices.Equal(r.Missed, o.Missed) && maps.Equal(r.Signs, o.Signs)
}

// IsZero reports whether there is nothing quiz-related to keep.
func (q Quiz) IsZero() bool { return len(q.Cards) == 0 && len(q.History) == 0 && len(q.extra) == 0 }

var knownQuizFields = map[string]bool{"cards": true, "history": true}

// plainQuiz is Quiz without its methods, for encoding.
type plainQuiz Quiz

// MarshalJSON writes the known fields and any kept from a newer version.
func (q Quiz) MarshalJSON() ([]byte, error) {
	return marshalWithExtra((*plainQuiz)(&q), q.extra, knownQuizFields)
}

// UnmarshalJSON reads the known fields and keeps the others.
func (q *Quiz) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, (*plainQuiz)(q)); err != nil {
		return err
	}
	var err error
	q.extra, err = unknownFields(b, knownQuizFields)
	return err
}

// RecordQuiz keeps a quiz session, finished or stopped, and the review
// cards it changed. A record with the start time of one already kept
// replaces it, so a front end may record a session after every answer. A
// session with nothing answered leaves no record.
func (s *State) RecordQuiz(rec SessionRecord, cards map[string]Card) {
	changed := false
	if s.Quiz.Cards == nil && len(cards) > 0 {
		s.Quiz.Cards = map[string]Card{}
	}
	for id, c := range cards {
		if old, ok := s.Quiz.Cards[id]; !ok || !old.equal(c) {
			s.Quiz.Cards[id] = c
			changed = true
		}
	}
	if rec.Answered > 0 {
		i := slices.IndexFunc(s.Quiz.History, func(r SessionRecord) bool { return r.At.Equal(rec.At) })
		switch {
		case i < 0:
			s.Quiz.History = append(s.Quiz.History, rec)
			sortHistory(s.Quiz.History)
			changed = true
		case !s.Quiz.History[i].equal(rec):
			s.Quiz.History[i] = rec
			changed = true
		}
	}
	if changed {
		s.changes++
	}
}

// QuizCards is a copy of the review schedule, for a quiz session to work on.
func (s *State) QuizCards() map[string]Card {
	if s.Quiz.Cards == nil {
		return map[string]Card{}
	}
	return maps.Clone(s.Quiz.Cards)
}

func sortHistory(h []SessionRecord) {
	sort.SliceStable(h, func(i, j int) bool { return h[i].At.Before(h[j].At) })
}

// clone is a deep copy of the quiz data. Records are never changed in place
// (RecordQuiz replaces them whole), so their own slices may be shared.
func (q Quiz) clone() Quiz {
	return Quiz{Cards: maps.Clone(q.Cards), History: slices.Clone(q.History), extra: maps.Clone(q.extra)}
}

// mergeQuiz combines two copies of the quiz data: for each card the one
// with the later answer wins; sessions are united, and of two copies of one
// session (same start) the one with more answers wins.
func mergeQuiz(disk, mine Quiz) Quiz {
	out := mine.clone()
	for id, c := range disk.Cards {
		if out.Cards == nil {
			out.Cards = map[string]Card{}
		}
		if m, ok := out.Cards[id]; !ok || c.newer(m) {
			out.Cards[id] = c
		}
	}
	for _, r := range disk.History {
		i := slices.IndexFunc(out.History, func(m SessionRecord) bool { return m.At.Equal(r.At) })
		switch {
		case i < 0:
			out.History = append(out.History, r)
		case r.Answered > out.History[i].Answered:
			out.History[i] = r
		}
	}
	sortHistory(out.History)
	if len(disk.extra) > 0 {
		extra := maps.Clone(disk.extra)
		maps.Copy(extra, mine.extra)
		out.extra = extra
	}
	return out
}
