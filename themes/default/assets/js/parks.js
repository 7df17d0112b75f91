// "Open now" for population culture parks: loaded only on park pages and the park directory. The build writes each
// park's structured hours into data-hours ("always", or seven days Monday first separated by "|", each a comma list of
// "from-to" minutes after midnight, empty when closed); this reads the clock of this browser as Suzhou time
// (Asia/Shanghai, whatever the reader's own zone) and says whether the park is open. Without it the hours text stays.
(function () {
  var spots = document.querySelectorAll('.open-now[data-hours]');
  if (!spots.length || !window.Intl) return;
  var parts;
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Shanghai', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
    }).formatToParts(new Date());
  } catch (e) {
    return; // a browser without time-zone data: leave the hours text alone rather than guess
  }
  function part(type) {
    for (var i = 0; i < parts.length; i++) if (parts[i].type === type) return parts[i].value;
    return '';
  }
  var day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday'));
  var now = (parseInt(part('hour'), 10) % 24) * 60 + parseInt(part('minute'), 10);
  if (day < 0 || isNaN(now)) return;
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
