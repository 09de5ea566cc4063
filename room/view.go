package room

import "slices"

// Count is one option of a revealed vote.
type Count struct {
	ID    string // the category's or sign's ID
	Label string
	// Members voted for it from their seats; Hands were added by the
	// facilitator for people without a terminal.
	Members, Hands int
	// Right says the option is the essay's answer (for signs: one the item
	// is keyed with; any of them counts).
	Right bool
}

// Total is the option's votes and hands together.
func (c Count) Total() int { return c.Members + c.Hands }

// Poll is one question of a quiz item (its category, or its sign) as one
// viewer may see it. Nothing in it says who voted what.
type Poll struct {
	Asked    bool // the item has this question (the sign: only sign items)
	Open     bool // votes are taken now
	Revealed bool // locked and shown
	// Voted of Of members in the room have voted (a member who voted and
	// left is in neither; their vote still counts in the tally). Hands is
	// how many hands the facilitator added, HandsBy how many for each
	// option (counted in the open, so shown before the reveal).
	// Facilitator's view only.
	Voted, Of, Hands int
	HandsBy          []int
	// Tally is every option in the bank's order; nil until revealed.
	Tally []Count
	// Mine is the viewing member's choice, "" for none (member's view
	// only); MineRight says it agrees with the essay, once revealed.
	Mine      string
	MineRight bool
}

// ItemView is a quiz item's vote as one viewer may see it.
type ItemView struct {
	Scenario string
	Phase    Phase
	Category Poll
	Sign     Poll
}

// Done reports whether everything about the item is revealed: the room
// may move on.
func (v ItemView) Done() bool {
	return v.Phase == SignRevealed || (v.Phase == Revealed && !v.Sign.Asked)
}

// FacilitatorView is what the facilitator's screen may show.
type FacilitatorView struct {
	// Present is how many members are in the room; Names are theirs, in
	// the order they first joined.
	Present int
	Names   []string
	Step    Step
	// Item is the vote on the step's quiz item, nil on other steps.
	Item   *ItemView
	Closed bool
	// Door says whether someone is guessing the code.
	Door Door
}

// MemberView is what one member's screen may show.
type MemberView struct {
	Seat int
	Name string
	// Following says the member sees the room's step; otherwise they are
	// on their own at Step.
	Following bool
	Step      Step // the step the member sees
	RoomStep  Step // the facilitator's step
	// Item is the vote on Step's quiz item once the room has shown it, nil
	// otherwise.
	Item *ItemView
	Exit Exit
	// Present is how many members are in the room.
	Present int
	// Timer is the facilitator's discussion timer.
	Timer Timer
	// Driven says a facilitator is driving the room (see Room.Drive);
	// DriverLeft that one was and none is now: the room waits for one.
	Driven, DriverLeft bool
}

// FacilitatorView is a snapshot of the room for the facilitator.
func (r *Room) FacilitatorView() FacilitatorView {
	r.mu.RLock()
	defer r.mu.RUnlock()
	v := FacilitatorView{Present: r.present, Names: make([]string, 0, r.present), Step: r.step, Closed: r.closed}
	for _, s := range r.seats {
		if s.conn != nil {
			v.Names = append(v.Names, s.name)
		}
	}
	if it := r.items[r.step.Scenario]; it != nil {
		iv := r.itemView(it, 0)
		v.Item = &iv
	}
	v.Door = r.door.view(r.now())
	return v
}

// Item is the facilitator's view of any item the room has shown (for a
// chapter's summary, say); false for one it has not.
func (r *Room) Item(scenario string) (ItemView, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if it := r.items[scenario]; it != nil {
		return r.itemView(it, 0), true
	}
	return ItemView{}, false
}

// Item is this member's view of any item the room has shown (a chapter's
// summary, reading back): their own vote, and the tally once revealed;
// false for one the room has not shown.
func (m *Member) Item(scenario string) (ItemView, bool) {
	r := m.r
	r.mu.RLock()
	defer r.mu.RUnlock()
	if it := r.items[scenario]; it != nil {
		return r.itemView(it, m.seat.number), true
	}
	return ItemView{}, false
}

// View is a snapshot of the room for this member.
func (m *Member) View() MemberView {
	r := m.r
	r.mu.RLock()
	defer r.mu.RUnlock()
	v := MemberView{Seat: m.seat.number, Name: m.seat.name, Following: m.following, Step: m.own,
		RoomStep: r.step, Exit: m.exit, Present: r.present, Timer: r.timer, Driven: r.drivers > 0,
		DriverLeft: r.drivenOnce && r.drivers == 0}
	if m.following {
		v.Step = r.step
	}
	if it := r.items[v.Step.Scenario]; it != nil {
		iv := r.itemView(it, m.seat.number)
		v.Item = &iv
	}
	return v
}

// itemView builds an item's view for a member's seat, or for the
// facilitator when seat is 0; r.mu is held.
func (r *Room) itemView(it *item, seat int) ItemView {
	v := ItemView{Scenario: it.sc.ID, Phase: it.phase}
	v.Category = r.poll(it, &it.cat, false, seat, it.phase == Voting, it.phase >= Revealed)
	if it.asksSign {
		v.Sign = r.poll(it, &it.sign, true, seat, it.signOpen(), it.phase == SignRevealed)
	}
	return v
}

// poll builds the view of one question of an item; r.mu is held.
func (r *Room) poll(it *item, b *ballot, sign bool, seat int, open, revealed bool) Poll {
	p := Poll{Asked: true, Open: open && !r.closed, Revealed: revealed}
	if seat == 0 {
		p.Of = r.present
		for _, s := range r.seats {
			if _, ok := b.bySeat[s.number]; ok && s.conn != nil {
				p.Voted++
			}
		}
		for _, h := range b.hands {
			p.Hands += h
		}
		p.HandsBy = slices.Clone(b.hands)
	} else if c := b.choice(seat); c >= 0 {
		p.Mine, _ = it.option(sign, c)
		p.MineRight = revealed && it.right(sign, c)
	}
	if revealed {
		p.Tally = it.tally(b, sign)
	}
	return p
}

// Miss is a quiz item where a member's vote differed from the essay's
// answer, for the member to reread. A member who voted right on the
// category and wrong on the sign has a Miss with only Sign set.
type Miss struct {
	Scenario string
	Category string // the category the member chose, if it was not the answer
	Sign     string // the sign the member chose, if the item is not keyed with it
}

// Misses lists the items, in the order the room showed them, where the
// member's vote differed from the essay's answer. Only revealed votes
// count until the room is closed; then every vote does.
func (m *Member) Misses() []Miss {
	r := m.r
	r.mu.RLock()
	defer r.mu.RUnlock()
	var out []Miss
	n := m.seat.number
	for _, it := range r.order {
		var miss Miss
		if c := it.cat.choice(n); c >= 0 && !it.right(false, c) && (it.phase >= Revealed || r.closed) {
			miss.Category, _ = it.option(false, c)
		}
		if c := it.sign.choice(n); c >= 0 && !it.right(true, c) && (it.phase == SignRevealed || r.closed) {
			miss.Sign, _ = it.option(true, c)
		}
		if miss != (Miss{}) {
			miss.Scenario = it.sc.ID
			out = append(out, miss)
		}
	}
	return out
}
