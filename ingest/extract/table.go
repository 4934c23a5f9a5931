package extract

import (
	"strings"
	"time"

	"github.com/wardpulse/wardpulse/schemas/gazetteer"
)

// rowWard is the ward a table row's cells name when its place column gives
// only a town or an authority: a Panel report's "Meeting | Location" table
// writes the ward in the meeting's title ("Seaton Ward Community Meeting |
// Seaton Carew, Hartlepool", "Hardwick and Salters Lane Ward Meeting |
// Stockton-on-Tees") and the town or authority it lies in as the location.
// The ward is taken only when the row names exactly one ward and it lies in
// the authority the place column resolved to; two wards, or a ward of
// another authority, leave the place as it was (base).
func (r *run) rowWard(base *gazetteer.Resolution, at time.Time, cells ...string) *gazetteer.Resolution {
	if base == nil || base.Kind == "ward" {
		return base
	}
	var ward *gazetteer.Resolution
	for _, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		for _, m := range r.find(c, at) {
			if m.Kind != "ward" {
				continue
			}
			if ward != nil && ward.WardCode != m.WardCode {
				return base // two wards: which one is the row's is not said
			}
			res := m.Resolution
			ward = &res
		}
	}
	if ward == nil || ward.LADCode != base.LADCode {
		return base
	}
	return ward
}
