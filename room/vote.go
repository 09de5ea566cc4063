package room

import (
	"slices"

	"studyguide/content"
)

// Phase is where a quiz item's vote is.
type Phase int

// The phases, in order. Items of the bank's sign category (the essay's
// NGO-like items) go through all three; others stop at Revealed.
const (
	// Voting: the category vote is open and nothing is shown.
	Voting Phase = iota
	// Revealed: the category vote is locked and its tally shown. On sign
	// items the sign vote is now open.
	Revealed
	// SignRevealed: the sign vote is locked and its tally shown.
	SignRevealed
)

// item is the room's vote on one scenario.
type item struct {
	sc       *content.Scenario
	bank     *content.QuizBank
	asksSign bool
	phase    Phase
	cat      map[int]string // seat number → category ID
	sign     map[int]string // seat number → sign ID
	catHands map[string]int
	sgnHands map[string]int
	undo     []string // hands added to the open vote, last last
}

func newItem(sc *content.Scenario, bank *content.QuizBank) *item {
	return &item{sc: sc, bank: bank, asksSign: sc.Answer == bank.SignCategory().ID && len(bank.Signs) > 0,
		cat: map[int]string{}, sign: map[int]string{}, catHands: map[string]int{}, sgnHands: map[string]int{}}
}

// signOpen reports whether the sign vote takes votes.
func (it *item) signOpen() bool { return it.asksSign && it.phase == Revealed }

// done reports whether everything about the item is revealed.
func (it *item) done() bool {
	return it.phase == SignRevealed || (it.phase == Revealed && !it.asksSign)
}

// signRight reports whether a sign is one the item is keyed with.
func (it *item) signRight(id string) bool { return slices.Contains(it.sc.Signs, id) }

// vote finds the open item a member votes on; r.mu is held.
func (m *Member) vote(scenario string) (*item, error) {
	switch {
	case m.r.closed:
		return nil, ErrClosed
	case m.exit != Staying:
		return nil, ErrGone
	}
	it := m.r.items[scenario]
	if it == nil {
		return nil, ErrNotOpen
	}
	return it, nil
}

// Vote casts or changes the member's vote on an item's category. It is
// refused (ErrLocked) once the facilitator has revealed it, and (ErrNotOpen)
// for an item the room has not shown yet.
func (m *Member) Vote(scenario, category string) error {
	r := m.r
	r.mu.Lock()
	defer r.mu.Unlock()
	it, err := m.vote(scenario)
	if err != nil {
		return err
	}
	if it.phase != Voting {
		return ErrLocked
	}
	if _, ok := it.bank.Category(category); !ok {
		return ErrOption
	}
	it.cat[m.seat.number] = category
	poke(m.changes)
	r.notifyFacilitators()
	return nil
}

// VoteSign casts or changes the member's vote on which sign an item shows.
// It is taken only while the sign vote is open: after the category is
// revealed, on items of the sign category, until the sign is revealed.
func (m *Member) VoteSign(scenario, sign string) error {
	r := m.r
	r.mu.Lock()
	defer r.mu.Unlock()
	it, err := m.vote(scenario)
	if err != nil {
		return err
	}
	switch {
	case it.phase == SignRevealed:
		return ErrLocked
	case !it.signOpen():
		return ErrNotOpen
	}
	if _, ok := it.bank.Sign(sign); !ok {
		return ErrOption
	}
	it.sign[m.seat.number] = sign
	poke(m.changes)
	r.notifyFacilitators()
	return nil
}

// openItem finds an item for the facilitator; r.mu is held.
func (r *Room) openItem(scenario string) (*item, error) {
	if r.closed {
		return nil, ErrClosed
	}
	if it := r.items[scenario]; it != nil {
		return it, nil
	}
	return nil, ErrNotOpen
}

// AddHand counts one raised hand, for someone without a terminal, on the
// item's open vote: a category while the category vote is open, a sign
// while the sign vote is.
func (r *Room) AddHand(scenario, option string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	it, err := r.openItem(scenario)
	if err != nil {
		return err
	}
	hands := it.catHands
	switch {
	case it.phase == Voting:
		if _, ok := it.bank.Category(option); !ok {
			return ErrOption
		}
	case it.signOpen():
		if _, ok := it.bank.Sign(option); !ok {
			return ErrOption
		}
		hands = it.sgnHands
	default:
		return ErrLocked
	}
	hands[option]++
	it.undo = append(it.undo, option)
	r.notifyFacilitators()
	return nil
}

// UndoHand takes back the last hand added to the item's open vote; false
// when there is none.
func (r *Room) UndoHand(scenario string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	it, err := r.openItem(scenario)
	if err != nil || len(it.undo) == 0 {
		return false
	}
	last := it.undo[len(it.undo)-1]
	it.undo = it.undo[:len(it.undo)-1]
	if it.phase == Voting {
		it.catHands[last]--
	} else {
		it.sgnHands[last]--
	}
	r.notifyFacilitators()
	return true
}

// Reveal locks the item's open vote and shows its tally to everyone: the
// category first, then (on sign items) the sign. It returns false when
// there is nothing more to reveal, or the item has not been shown.
func (r *Room) Reveal(scenario string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	it, err := r.openItem(scenario)
	if err != nil || it.done() {
		return false
	}
	it.phase++
	it.undo = nil
	r.notifyAll()
	return true
}
