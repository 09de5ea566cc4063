package webdoor

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"studyguide/room"
)

// joinPage asks for the room code and a name; a member who has a seat
// goes to the room.
func (s *Server) joinPage(w http.ResponseWriter, r *http.Request) {
	if m := s.memberOf(r); m != nil {
		http.Redirect(w, r, "/room", http.StatusSeeOther)
		return
	}
	code := room.NormalizeCode(r.URL.Query().Get("code"))
	if len(code) > 16 || strings.Trim(code, "0123456789") != "" {
		code = ""
	}
	s.pages.render(w, http.StatusOK, "join.html", joinData{Title: s.pack.Meta.Title, Code: code})
}

// join checks the code through the room's gate (the same limits as the
// SSH door's) and seats the member: a new seat, or theirs with its seat
// word.
func (s *Server) join(w http.ResponseWriter, r *http.Request) {
	if !s.form(w, r) {
		return
	}
	code, typed := r.PostFormValue("code"), r.PostFormValue("name")
	again := joinData{Title: s.pack.Meta.Title, Name: room.CleanName(typed)}
	if strings.TrimSpace(code) == "" {
		again.Notice = "Type the room's code, as the facilitator's screen shows it."
		s.pages.render(w, http.StatusUnprocessableEntity, "join.html", again)
		return
	}
	g, err := s.gateFor(r.RemoteAddr)
	if err != nil {
		s.log.Printf("%s: refused: %v", r.RemoteAddr, err)
		s.refused(w, again, err)
		return
	}
	role, err := g.Check(code)
	switch {
	case err != nil:
		s.log.Printf("%s: %v", r.RemoteAddr, err)
		s.refused(w, again, err)
		return
	case role == room.AsFacilitator:
		again.Notice = "That is the facilitator's code: the facilitator drives the room from a terminal, with ssh."
		s.pages.render(w, http.StatusUnprocessableEntity, "join.html", again)
		return
	}
	var conn *room.Member
	if _, isWord := room.ParseSeatWord(typed); isWord || room.LooksLikeSeatWord(typed) {
		conn, err = g.Reclaim(typed)
	} else {
		conn, err = g.Join("", typed)
	}
	if err != nil {
		again.Code = room.NormalizeCode(code) // the code was right
		s.log.Printf("%s: not seated: %v", r.RemoteAddr, err)
		s.refused(w, again, err)
		return
	}
	s.seat(w, conn, r.RemoteAddr)
	s.log.Printf("%s joined from a browser", r.RemoteAddr)
	http.Redirect(w, r, "/room", http.StatusSeeOther)
}

// refused says on the join page why the room did not take the member.
func (s *Server) refused(w http.ResponseWriter, d joinData, err error) {
	status := http.StatusUnprocessableEntity
	switch {
	case errors.Is(err, room.ErrWrongCode):
		d.Notice = "That is not the room's code. Check it on the facilitator's screen and try again."
	case errors.Is(err, room.ErrNoSeat):
		d.Notice = "No seat in this room has that seat word."
	case errors.Is(err, room.ErrNoAttempts):
		d.Notice = "Wrong three times. Ask the facilitator for the room's code, then try again."
	case errors.Is(err, room.ErrRateLimited):
		d.Notice, status = "Too many wrong codes from this network; try again in a few minutes.", http.StatusTooManyRequests
	case errors.Is(err, room.ErrBusy):
		d.Notice, status = "Too many wrong codes were tried in this room just now, so it takes none for a minute. Wait, then try again.", http.StatusTooManyRequests
	case errors.Is(err, room.ErrFull):
		d.Notice, status = fmt.Sprintf("The room is full (%d members).", s.room.MaxMembers()), http.StatusServiceUnavailable
	default:
		d.Notice, status = "The meeting has ended.", http.StatusGone
	}
	s.pages.render(w, status, "join.html", d)
}

// roomPage is a member's page: the step they see and their vote; the
// goodbye once their seat is no longer on this screen.
func (s *Server) roomPage(w http.ResponseWriter, r *http.Request) {
	m := s.memberOf(r)
	if m == nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	conn, exit := s.connect(m)
	if exit != room.Staying {
		s.pages.render(w, http.StatusOK, "goodbye.html", s.goodbyeView(m, conn, exit))
		return
	}
	s.pages.render(w, http.StatusOK, "room.html", s.roomView(m, conn, r.URL.Query().Get("notice")))
}

// vote casts or changes the member's vote on the step's item.
func (s *Server) vote(w http.ResponseWriter, r *http.Request) {
	m, conn, ok := s.posted(w, r)
	if !ok {
		return
	}
	scenario, option := r.PostFormValue("scenario"), r.PostFormValue("option")
	m.mu.Lock()
	m.calm = time.Now().Add(voteCalm)
	m.mu.Unlock()
	var err error
	if r.PostFormValue("poll") == "sign" {
		err = conn.VoteSign(scenario, option)
	} else {
		err = conn.Vote(scenario, option)
	}
	notice := ""
	switch {
	case errors.Is(err, room.ErrNotOpen):
		notice = "The room has not opened this vote yet."
	case errors.Is(err, room.ErrLocked):
		notice = "The vote is closed: the facilitator revealed it."
	case err != nil:
		notice = "That vote was not taken: " + err.Error() + "."
	}
	s.done(w, r, m, notice)
}

// move reads ahead or back on the member's own, or follows the room again.
func (s *Server) move(w http.ResponseWriter, r *http.Request) {
	m, conn, ok := s.posted(w, r)
	if !ok {
		return
	}
	at := conn.View().Step.Index
	switch r.PostFormValue("to") {
	case "ahead":
		if at+1 < s.deck.Len() {
			conn.Goto(s.deck.RoomStep(at + 1))
		}
	case "back":
		if at > 0 {
			conn.Goto(s.deck.RoomStep(at - 1))
		}
	case "follow":
		conn.Follow()
	default:
		http.Error(w, "Move where? (ahead, back or follow)", http.StatusBadRequest)
		return
	}
	s.done(w, r, m, "")
}

// leave gives the seat up on this screen (it is kept for a return), or
// takes it back here after the member took it on another screen.
func (s *Server) leave(w http.ResponseWriter, r *http.Request) {
	m := s.checked(w, r)
	if m == nil {
		return
	}
	if r.PostFormValue("back") == "1" {
		s.takeBack(m)
		http.Redirect(w, r, "/room", http.StatusSeeOther)
		return
	}
	m.mu.Lock()
	conn := m.conn
	m.replace = true // stay off the room until the member asks to come back
	m.mu.Unlock()
	if conn != nil {
		conn.Leave()
	}
	s.pages.render(w, http.StatusOK, "goodbye.html", s.goodbyeView(m, conn, room.Left))
}

// term is a glossary entry: a page of its own, or (?part=1) the entry
// alone, for the page's popup.
func (s *Server) term(w http.ResponseWriter, r *http.Request) {
	d, ok := s.termView(r.PathValue("n"))
	if !ok {
		http.Error(w, "There is no such entry in the glossary.", http.StatusNotFound)
		return
	}
	d.Fragment = r.URL.Query().Get("part") == "1"
	s.pages.render(w, http.StatusOK, "term.html", d)
}

// form reads a posted form of at most maxBody bytes; false (with a 4xx
// sent) when it cannot.
func (s *Server) form(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "That form is too large.", http.StatusRequestEntityTooLarge)
		} else {
			http.Error(w, "That form could not be read.", http.StatusBadRequest)
		}
		return false
	}
	return true
}

// checked is the member of a posted form with their token; nil (with a 4xx
// sent) for a form without the member's cookie or with another token (a
// post from another site, or a page of an earlier seat).
func (s *Server) checked(w http.ResponseWriter, r *http.Request) *member {
	if !s.form(w, r) {
		return nil
	}
	m := s.memberOf(r)
	if m == nil {
		http.Error(w, "You are not in the room on this browser: join first.", http.StatusForbidden)
		return nil
	}
	if !hmacEqual(r.PostFormValue("token"), m.token) {
		s.log.Printf("%s: a form without its page's token refused", r.RemoteAddr)
		http.Error(w, "This form did not come from your page of the room; reload it and try again.", http.StatusForbidden)
		return nil
	}
	return m
}

// posted is the member of a checked form and their connection to the
// room; false (with a page or a 4xx sent) when they are not in it.
func (s *Server) posted(w http.ResponseWriter, r *http.Request) (*member, *room.Member, bool) {
	m := s.checked(w, r)
	if m == nil {
		return nil, nil, false
	}
	conn, exit := s.connect(m)
	if exit != room.Staying {
		if fetched(r) {
			w.WriteHeader(http.StatusConflict) // the page's stream shows the goodbye
			return nil, nil, false
		}
		s.pages.render(w, http.StatusOK, "goodbye.html", s.goodbyeView(m, conn, exit))
		return nil, nil, false
	}
	return m, conn, true
}

// done answers a form: nothing for the page's script (the event stream
// brings the change), a fresh page for a browser without it.
func (s *Server) done(w http.ResponseWriter, r *http.Request, m *member, notice string) {
	if fetched(r) {
		if notice != "" {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusUnprocessableEntity)
			_, _ = w.Write([]byte(notice))
			return
		}
		w.WriteHeader(http.StatusNoContent)
		return
	}
	to := "/room"
	if notice != "" {
		to += "?notice=" + urlQueryEscape(notice)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// fetched says the request came from the page's script.
func fetched(r *http.Request) bool { return r.Header.Get("X-Studyguide") == "fetch" }
