// Package meeting is a presentation of a study pack as data: the deck of
// steps the presenter walks through (title cards, key ideas, passages,
// discussion questions, quiz items) and what one member of a served room
// sees of a step (Seen), computed once from the room's view and drawn by
// the terminal's member screen and by the web page alike. It has no
// terminal, SSH or HTTP code.
package meeting
