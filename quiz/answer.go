package quiz

import (
	"fmt"
	"slices"

	"studyguide/content"
)

// Result is the feedback on a classification.
type Result struct {
	Correct  bool
	Scenario *content.Scenario
	Chosen   content.Category
	Expected content.Category
	// AskSign says a follow-up comes next: which sign does the item show?
	// It is asked when the item belongs to the first category and was
	// classified right; after a wrong answer the feedback already gives
	// the signs, and asking which sign an item shows that the reader did
	// not see as belonging there would be a trick question.
	AskSign bool
}

// SignResult is the feedback on the follow-up question.
type SignResult struct {
	// Correct is true when the sign named is any of those the item is
	// tagged with.
	Correct bool
	Chosen  content.Sign
	Tagged  []content.Sign
}

// Answer classifies the current item under a category.
func (s *Session) Answer(categoryID string) (Result, error) {
	if s.Step() != AwaitAnswer {
		return Result{}, ErrNotNow
	}
	chosen, ok := s.bank.Category(categoryID)
	if !ok {
		return Result{}, fmt.Errorf("%q is not an answer to this quiz", categoryID)
	}
	sc := s.items[s.i]
	expected, _ := s.bank.Category(sc.Answer)
	a := &s.answers[s.i]
	a.category = categoryID
	a.correct = categoryID == sc.Answer
	a.askSign = a.correct && sc.Answer == s.bank.SignCategory().ID
	if !a.askSign {
		s.schedule(sc.ID, a.correct)
	}
	return Result{Correct: a.correct, Scenario: sc, Chosen: chosen, Expected: expected, AskSign: a.askSign}, nil
}

// AnswerSign answers the follow-up question with a sign's ID.
func (s *Session) AnswerSign(signID string) (SignResult, error) {
	if s.Step() != AwaitSign {
		return SignResult{}, ErrNotNow
	}
	chosen, ok := s.bank.Sign(signID)
	if !ok {
		return SignResult{}, fmt.Errorf("%q is not one of the signs", signID)
	}
	sc := s.items[s.i]
	a := &s.answers[s.i]
	a.signed, a.sign = true, signID
	a.signOK = slices.Contains(sc.Signs, signID)
	s.schedule(sc.ID, a.signOK)
	return SignResult{Correct: a.signOK, Chosen: chosen, Tagged: s.bank.SignsOf(sc)}, nil
}

// Next moves to the next item. An item not yet classified is skipped: it
// is left out of the score and its schedule is untouched. A follow-up left
// unanswered counts as a sign not named: the item is missed.
func (s *Session) Next() {
	switch s.Step() {
	case Finished:
		return
	case AwaitSign:
		a := &s.answers[s.i]
		a.signed = true
		s.schedule(s.items[s.i].ID, false)
	}
	s.i++
}

// schedule moves an item's card after its answer.
func (s *Session) schedule(id string, correct bool) {
	Schedule(s.cards, id, correct, s.start)
	s.changed[id] = true
}

// Cards are the review cards this session changed, by scenario ID, to be
// kept with progress.State.RecordQuiz.
func (s *Session) Cards() map[string]Card {
	out := map[string]Card{}
	for id := range s.changed {
		out[id] = s.cards[id]
	}
	return out
}
