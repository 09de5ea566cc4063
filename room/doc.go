// Package room is a served reading-group room as pure logic: the room code
// and who may try it, seats for members, who follows the facilitator and
// who reads on their own, votes on quiz items (open, then locked and
// revealed), hands added for people without a terminal, and the meeting
// record written afterwards. It has no terminal, SSH or Bubble Tea code:
// `studyguide serve` wires it to one SSH session per member, and tests
// drive it directly.
//
// # One room, many goroutines
//
// A Room is safe for concurrent use: each member's session calls its own
// Member from its own goroutine while the facilitator calls the Room. Every
// method returns quickly and never waits on a member.
//
// # Getting in
//
// Each run makes a fresh member code (Room.Code) from crypto/rand. A
// connection asks for a Gate with its remote address and gets MaxAttempts
// tries at the code; an address that has failed AddressFailures times
// within AddressWindow is refused until its failures age out. Join then
// gives the connection a seat: identified by its SSH key's fingerprint when
// it has one, else by its name. Joining again with the same identity gets
// the same seat, name and votes back, and takes the seat over from any
// connection still holding it (that one is told: its View says Replaced).
// Over MaxMembers connections at once, Join answers ErrFull.
//
// # Steps
//
// The facilitator's position is a Step the caller defines (its deck index,
// chapter, and for quiz steps the scenario ID; for discussion questions the
// question). Show moves the room; members follow it, or Goto a step of
// their own and Follow to snap back. Late joiners land on the room's step.
//
// # Votes
//
// Showing a quiz step opens its item. Members Vote one category and may
// change it until the facilitator reveals; Reveal locks the vote and shows
// the tally (members' votes plus hands). On items of the bank's sign
// category the sign vote is then open (VoteSign, any keyed sign counts as
// right) until the next Reveal. A vote is kept by seat, so nobody votes
// twice and a reconnect keeps it. Before a reveal the facilitator sees only
// how many have voted, and a member only their own vote; nobody ever sees
// who voted what. The facilitator adds hands with AddHand (UndoHand takes
// the last one back), and Item looks back at any item already shown.
//
// # Telling sessions about changes
//
// Subscribe (the facilitator) and Member.Changes (each member) give a
// channel that receives a value whenever that viewer's view may have
// changed. A channel holds at most one pending change and the room never
// waits to send, so a stalled session costs nothing and, when it catches
// up, reads one fresh view rather than a queue of old ones. A session's
// goroutine typically does:
//
//	for range m.Changes() {
//		program.Send(roomMsg{m.View()})
//	}
//
// The channel is closed when the connection ends (Leave, a takeover, or
// Close); the view then says why. Views (FacilitatorView, MemberView) are
// snapshots: fresh values the room never touches again.
//
// # Afterwards
//
// Close ends the room: sessions' channels close and joins are refused.
// WriteRecord writes the meeting record as markdown (chapters, time spent,
// tallies, questions shown; no names and nothing about anyone's vote), and
// Member.Misses lists the items where a member's vote differed from the
// essay's answer.
package room
