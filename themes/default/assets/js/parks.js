// "Open now" for population culture parks: loaded only on park pages and the park directory. The build writes each
// park's structured hours into data-hours ("always", or seven days Monday first separated by "|", each a comma list of
// "from-to" minutes after midnight, empty when closed); this reads the clock of this browser as Suzhou time, whatever
// the reader's own zone, and says whether the park is open. Without it the hours text stays.
(function () {
  var spots = document.querySelectorAll('.open-now[data-hours]');
  if (!spots.length) return;
  // China Standard Time is UTC+8 all year (no daylight saving since 1991), so Suzhou's clock is plain arithmetic.
  // Intl.DateTimeFormat with a time zone gave the same answer but took ~25 ms to set up (loading zone data) here.
  var suzhou = new Date(Date.now() + 8 * 3600 * 1000);
  var day = (suzhou.getUTCDay() + 6) % 7; // Monday first
  var now = suzhou.getUTCHours() * 60 + suzhou.getUTCMinutes();
  function clock(m) { return Math.floor(m / 60) + ':' + ('0' + (m % 60)).slice(-2); }
  spots.forEach(function (spot) {
    var code = spot.getAttribute('data-hours');
    var open = code === 'always';
    var today = '';
    if (!open) {
      var days = code.split('|');
      if (days.length !== 7) return;
      var ranges = days[day] ? days[day].split(',').map(function (r) {
        var ends = r.split('-');
        return [parseInt(ends[0], 10), parseInt(ends[1], 10)];
      }) : [];
      open = ranges.some(function (r) { return now >= r[0] && now < r[1]; });
      today = ranges.length
        ? '今天 ' + ranges.map(function (r) { return clock(r[0]) + '–' + clock(r[1]); }).join('、')
        : '今天不开放';
    }
    spot.textContent = open ? (today ? '现在开放（' + today + '）' : '现在开放') : '现在未开放（' + today + '）';
    spot.className = 'open-now ' + (open ? 'is-open' : 'is-closed');
    spot.hidden = false;
  });
})();
