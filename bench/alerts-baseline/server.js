// Minimal raw WebSocket broadcast: POST /broadcast sends the request body to every connected client.
// The yardstick for the alert hub's fan-out in bench/alerts-fanout.sh (same machine, same load client).
'use strict';
const http = require('http');
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || 5096);
const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/broadcast') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      for (const client of wss.clients) client.send(body);
      res.writeHead(200).end();
    });
    return;
  }
  res.writeHead(req.url === '/' ? 200 : 404).end('ok');
});
const wss = new WebSocketServer({ server, perMessageDeflate: false });
server.listen(port, '127.0.0.1', () => console.log(`baseline on 127.0.0.1:${port}`));
