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
	cat      ballot // options: bank.Categories
	sign     ballot // options: bank.Signs
	undo     []int  // options of hands added to the open vote, last last
}

func newItem(sc *content.Scenario, bank *content.QuizBank) *item {
	return &item{sc: sc, bank: bank, asksSign: sc.Answer == bank.SignCategory().ID && len(bank.Signs) > 0,
		cat: newBallot(len(bank.Categories)), sign: newBallot(len(bank.Signs))}
}

// signOpen reports whether the sign vote takes votes.
func (it *item) signOpen() bool { return it.asksSign && it.phase == Revealed }

// done reports whether everything about the item is revealed.
func (it *item) done() bool {
	return it.phase == SignRevealed || (it.phase == Revealed && !it.asksSign)
}

// option is choice i of the category question, or of the sign question.
func (it *item) option(sign bool, i int) (id, label string) {
	if sign {
		return it.bank.Signs[i].ID, it.bank.Signs[i].Label
	}
	return it.bank.Categories[i].ID, it.bank.Categories[i].Label
}

// right reports whether choice i is the essay's answer; for the sign, any
// sign the item is keyed with is.
func (it *item) right(sign bool, i int) bool {
	id, _ := it.option(sign, i)
	if sign {
		return slices.Contains(it.sc.Signs, id)
	}
	return id == it.sc.Answer
}

// tally is a ballot's votes and hands per choice, in the bank's order.
func (it *item) tally(b *ballot, sign bool) []Count {
	out := make([]Count, len(b.members))
	for i := range out {
		id, label := it.option(sign, i)
		out[i] = Count{ID: id, Label: label, Members: b.members[i], Hands: b.hands[i], Right: it.right(sign, i)}
	}
	return out
}

// categoryIndex and signIndex find an option by its ID, -1 if none.
func (it *item) categoryIndex(id string) int {
	return slices.IndexFunc(it.bank.Categories, func(c content.Category) bool { return c.ID == id })
}

func (it *item) signIndex(id string) int {
	return slices.IndexFunc(it.bank.Signs, func(s content.Sign) bool { return s.ID == id })
}

// ballot is one question's votes, kept by seat number and counted per
// option as they come, with the hands added for each option.
type ballot struct {
	bySeat  map[int]int // seat number → option index
	members []int       // votes per option
	hands   []int       // hands per option
}

func newBallot(options int) ballot {
	return ballot{bySeat: map[int]int{}, members: make([]int, options), hands: make([]int, options)}
}

// cast records a seat's vote, replacing any earlier one.
func (b *ballot) cast(seat, option int) {
	if prev, ok := b.bySeat[seat]; ok {
		b.members[prev]--
	}
	b.bySeat[seat] = option
	b.members[option]++
}

// choice is a seat's vote, -1 for none.
func (b *ballot) choice(seat int) int {
	if c, ok := b.bySeat[seat]; ok {
		return c
	}
	return -1
}

// forget lets go of which vote was a forgotten seat's; the vote stays
// counted.
func (b *ballot) forget(seat int) { delete(b.bySeat, seat) }

// votes is how many members voted, whether or not they are still here.
func (b *ballot) votes() int {
	n := 0
	for _, c := range b.members {
		n += c
	}
	return n
}

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
	i := it.categoryIndex(category)
	if i < 0 {
		return ErrOption
	}
	it.cat.cast(m.seat.number, i)
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
	i := it.signIndex(sign)
	if i < 0 {
		return ErrOption
	}
	it.sign.cast(m.seat.number, i)
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
	var b *ballot
	var i int
	switch {
	case it.phase == Voting:
		b, i = &it.cat, it.categoryIndex(option)
	case it.signOpen():
		b, i = &it.sign, it.signIndex(option)
	default:
		return ErrLocked
	}
	if i < 0 {
		return ErrOption
	}
	b.hands[i]++
	it.undo = append(it.undo, i)
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
		it.cat.hands[last]--
	} else {
		it.sign.hands[last]--
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
