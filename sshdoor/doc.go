// Package sshdoor is the room's SSH door: a wish server that gives each
// SSH session a Bubble Tea program (the join screen, then a member's view,
// or for a facilitator of a headless room the presenter in a program of
// its own), over one room.Room. It holds every client to what a member
// needs (guard.go, conns.go), logs without names unless asked (log.go),
// reads each session's keys itself (input.go) and hands a session's
// screen from one program to the next without losing a key (state.go).
//
// A session's life (session.go): the server's middlewares limit sessions
// per connection and log them, turn away a session without a terminal,
// then runPrograms makes the join program (program), pumps the session's
// input into it, and tells it of window changes; when a facilitator's
// join program ends to hand off, handOff runs the presenter in a program
// at the projector's frame rate; afterProgram leaves the seat and prints
// the goodbye.
package sshdoor
