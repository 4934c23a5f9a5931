package dates

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZ(t *testing.T) {
	for _, s := range strings.Split(os.Getenv("DT"), ";") {
		fmt.Printf("%q -> %+v\n", s, Find(s))
	}
}
