package webdoor

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"sync"
	"time"

	"studyguide/content"
	"studyguide/meeting"
	"studyguide/room"
)

// Config is how a room is served to browsers.
type Config struct {
	// Listen is the address to listen on (":8080").
	Listen string
	// Log receives errors and panics (nil: none). Nothing about a member
	// is logged.
	Log io.Writer
	// Grace is how long a member whose page stopped following the room
	// (a phone locked, a tab closed) stays counted in the room; 0 means
	// defaultGrace. Their seat and votes stay in any case.
	Grace time.Duration
	// Secret signs the members' form tokens; nil makes a fresh one.
	Secret []byte
}

const (
	defaultGrace = 45 * time.Second
	// maxBody is the most a form may send: a code, a name, a vote.
	maxBody = 4 << 10
	// heartbeat keeps an idle event stream open through proxies and
	// tells a dead one from a quiet one.
	heartbeat = 20 * time.Second
	// writeWait is how long one write to a page may take before the page
	// is dropped (it comes back with a fresh view when it can).
	writeWait = 10 * time.Second
	// spareStreams is how many event streams an address may hold beyond
	// a full room's (a room behind one NAT address, reloads overlapping).
	spareStreams = 10
	// maxStreamsPerMember bounds one member's open tabs.
	maxStreamsPerMember = 4
	// voteCalm is how long a page waits after its member's own vote
	// before it is drawn again (see member.calm).
	voteCalm = 100 * time.Millisecond
)

// Server serves a room to browsers.
type Server struct {
	pack   *content.Pack
	room   *room.Room
	deck   *meeting.Deck
	log    *log.Logger
	grace  time.Duration
	secret []byte
	pages  *pages
	srv    *http.Server
	ln     net.Listener

	mu      sync.Mutex
	members map[string]*member // by seat word
	gates   map[string]*gate   // an address's tries at the code
	streams map[string]int     // open event streams by address
}

// New starts listening; Serve then takes requests.
func New(pack *content.Pack, r *room.Room, deck *meeting.Deck, cfg Config) (*Server, error) {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Grace == 0 {
		cfg.Grace = defaultGrace
	}
	if cfg.Secret == nil {
		cfg.Secret = make([]byte, 32)
		if _, err := rand.Read(cfg.Secret); err != nil {
			return nil, fmt.Errorf("the web door's secret: %w", err)
		}
	}
	pg, err := newPages()
	if err != nil {
		return nil, err
	}
	s := &Server{pack: pack, room: r, deck: deck, log: log.New(cfg.Log, "web: ", log.LstdFlags), grace: cfg.Grace,
		secret: cfg.Secret, pages: pg, members: map[string]*member{}, gates: map[string]*gate{}, streams: map[string]int{}}
	s.srv = &http.Server{
		Handler:           s.routes(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      writeWait, // the event stream extends its own, write by write
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    8 << 10,
		ErrorLog:          s.log,
	}
	if s.ln, err = net.Listen("tcp", cfg.Listen); err != nil {
		return nil, fmt.Errorf("the web door: %w", err)
	}
	return s, nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Serve takes requests until Shutdown.
func (s *Server) Serve() error {
	if err := s.srv.Serve(s.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Shutdown stops taking requests and waits for those under way (event
// streams end when the room closes) until ctx is done.
func (s *Server) Shutdown(ctx context.Context) {
	if err := s.srv.Shutdown(ctx); err != nil {
		_ = s.srv.Close()
	}
}

// routes are the web door's pages.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.joinPage)
	mux.HandleFunc("POST /join", s.join)
	mux.HandleFunc("GET /room", s.roomPage)
	mux.HandleFunc("GET /events", s.events)
	mux.HandleFunc("POST /vote", s.vote)
	mux.HandleFunc("POST /move", s.move)
	mux.HandleFunc("POST /leave", s.leave)
	mux.HandleFunc("GET /term/{n}", s.term)
	mux.Handle("GET /assets/", http.StripPrefix("/assets/", assetHandler()))
	return s.recover(secure(mux))
}

// secure adds the headers every page gets: nothing from elsewhere, no
// framing, no guessing at content types, no referrer sent on.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "+
			"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// recover turns a panic in a handler into a 500 with one line, and logs
// it; the server goes on.
func (s *Server) recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Printf("panic serving %s %s: %v", r.Method, r.URL.Path, v)
				http.Error(w, "Something went wrong on the server; try again.", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
