package sshdoor

// open is how many connections addr holds.
func (cs *conns) open(addr string) int {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return cs.byAddr[addr]
}
