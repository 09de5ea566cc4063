// Package webdoor is the room's web door: members join a served room from
// any browser on the network (a phone, by the projector's QR code) with the
// room code, follow the facilitator's step, vote and see the reveal, in the
// same room.Room as the SSH door's members. It is net/http, html/template
// (every value escaped) and server-sent events, with every byte of the
// page embedded: no framework, no build step, no internet.
//
// What a member sees of a step is computed by package meeting, as for the
// terminal; this package only draws it as HTML. A page works without
// JavaScript (forms that post, a page that refreshes itself); with it, the
// page follows the room live over an event stream and votes without
// reloading.
//
// A member's seat is their seat word, kept in an HttpOnly, SameSite=Strict
// cookie: a reload, a phone locking its screen or a dropped network keeps
// the seat and the vote. Every POST carries a token derived from the seat
// word with the server's secret, so no other site can vote for a member.
package webdoor
