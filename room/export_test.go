package room

// ReopenItem puts an item back to Voting with no votes or hands, for
// benchmarks that vote on and reveal the same item many times.
func ReopenItem(r *Room, scenario string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	it := r.items[scenario]
	it.phase, it.undo = Voting, nil
	it.cat, it.sign = newBallot(len(it.bank.Categories)), newBallot(len(it.bank.Signs))
}
