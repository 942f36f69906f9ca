// A QuickFIX C++ initiator for fixgate's end-to-end interop test. It logs on with the settings file
// it is given (UseDataDictionary=Y, so QuickFIX validates every message fixgate sends against the
// dictionaries the settings name), sends a TestRequest and one application message, logs out, and
// prints one machine-readable line that the test asserts on:
//
//   QFSUMMARY {"logon":true,"testRequestAnswered":true,"appReply":"8","appReplyExecType":"0","appReplyClOrdId":"QF-ORD-1",...}
//
// The session's BeginString picks the message classes: FIX.4.4, or FIXT.1.1 with FIX 5.0SP2
// application messages (the settings then carry DefaultApplVerID and the Transport/App
// dictionaries). An empty username leaves Username (553) and Password (554) off the Logon, for a
// session whose credentials are "none".
//
// Build: see the Makefile's quickfix-client rule. Debian's QuickFIX 1.15 headers use dynamic
// exception specifications, which C++17 removed: the standard headers are included first, then
// `throw(...)` is defined away for the QuickFIX headers only.
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#define throw(...)
#include <quickfix/Application.h>
#include <quickfix/FileLog.h>
#include <quickfix/FileStore.h>
#include <quickfix/MessageCracker.h>
#include <quickfix/Session.h>
#include <quickfix/SessionSettings.h>
#include <quickfix/SocketInitiator.h>
#include <quickfix/fix44/NewOrderSingle.h>
#include <quickfix/fix44/TestRequest.h>
#include <quickfix/fix50sp2/NewOrderSingle.h>
#include <quickfix/fixt11/TestRequest.h>
#undef throw

namespace {

struct Summary {
  bool logon = false;
  bool testRequestAnswered = false;
  std::string appReply;
  std::string appReplyExecType;
  std::string appReplyClOrdId;
  int appReplyRefSeqNum = 0;
  int appMsgSeqNum = 0;
  int rejectsReceived = 0;
  int rejectsSent = 0;
  bool logout = false;
  std::string error;
};

std::string jsonEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out;
}

class Client : public FIX::Application {
 public:
  Client(std::string username, std::string password) : username_(std::move(username)), password_(std::move(password)) {}

  void onCreate(const FIX::SessionID&) override {}

  void onLogon(const FIX::SessionID& id) override {
    std::lock_guard<std::mutex> lock(mutex_);
    session_ = id;
    summary_.logon = true;
    changed_.notify_all();
  }

  void onLogout(const FIX::SessionID&) override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (summary_.logon) summary_.logout = true;
    loggedOut_ = true;
    changed_.notify_all();
  }

  void toAdmin(FIX::Message& message, const FIX::SessionID&) override {
    const std::string type = message.getHeader().getField(FIX::FIELD::MsgType);
    if (type == "A" && !username_.empty()) {
      message.setField(FIX::Username(username_));
      message.setField(FIX::Password(password_));
    }
    // QuickFIX answers a message that fails its dictionary validation with a Reject.
    if (type == "3") {
      std::lock_guard<std::mutex> lock(mutex_);
      summary_.rejectsSent++;
    }
  }

  void toApp(FIX::Message&, const FIX::SessionID&) override {}

  void fromAdmin(const FIX::Message& message, const FIX::SessionID&) override {
    const std::string type = message.getHeader().getField(FIX::FIELD::MsgType);
    std::lock_guard<std::mutex> lock(mutex_);
    if (type == "0" && message.isSetField(FIX::FIELD::TestReqID) && message.getField(FIX::FIELD::TestReqID) == kTestReqId) {
      summary_.testRequestAnswered = true;
    }
    if (type == "3") summary_.rejectsReceived++;
    changed_.notify_all();
  }

  void fromApp(const FIX::Message& message, const FIX::SessionID&) override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!summary_.appReply.empty()) return;
    summary_.appReply = message.getHeader().getField(FIX::FIELD::MsgType);
    if (message.isSetField(FIX::FIELD::RefSeqNum)) summary_.appReplyRefSeqNum = std::stoi(message.getField(FIX::FIELD::RefSeqNum));
    if (message.isSetField(FIX::FIELD::ExecType)) summary_.appReplyExecType = message.getField(FIX::FIELD::ExecType);
    if (message.isSetField(FIX::FIELD::ClOrdID)) summary_.appReplyClOrdId = message.getField(FIX::FIELD::ClOrdID);
    changed_.notify_all();
  }

  template <typename Predicate>
  bool waitFor(Predicate done, int seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(seconds), [&] { return done(summary_); });
  }

  bool waitForLogout(int seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(seconds), [&] { return loggedOut_; });
  }

  FIX::SessionID session() {
    std::lock_guard<std::mutex> lock(mutex_);
    return session_;
  }

  void noteAppSeqNum(int seq) {
    std::lock_guard<std::mutex> lock(mutex_);
    summary_.appMsgSeqNum = seq;
  }

  void fail(const std::string& error) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (summary_.error.empty()) summary_.error = error;
  }

  std::string summaryJson() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::ostringstream out;
    out << "{\"logon\":" << (summary_.logon ? "true" : "false") << ",\"testRequestAnswered\":" << (summary_.testRequestAnswered ? "true" : "false")
        << ",\"appReply\":\"" << jsonEscape(summary_.appReply) << "\",\"appReplyExecType\":\"" << jsonEscape(summary_.appReplyExecType)
        << "\",\"appReplyClOrdId\":\"" << jsonEscape(summary_.appReplyClOrdId) << "\",\"appReplyRefSeqNum\":" << summary_.appReplyRefSeqNum
        << ",\"appMsgSeqNum\":" << summary_.appMsgSeqNum << ",\"rejectsReceived\":" << summary_.rejectsReceived
        << ",\"rejectsSent\":" << summary_.rejectsSent << ",\"logout\":" << (summary_.logout ? "true" : "false") << ",\"error\":\""
        << jsonEscape(summary_.error) << "\"}";
    return out.str();
  }

  static constexpr const char* kTestReqId = "QF-TR-1";

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  Summary summary_;
  FIX::SessionID session_;
  bool loggedOut_ = false;
  std::string username_;
  std::string password_;
};

void run(Client& client, FIX::SocketInitiator& initiator) {
  initiator.start();
  if (!client.waitFor([](const Summary& s) { return s.logon; }, 15)) {
    client.fail("no logon");
    return;
  }
  const FIX::SessionID id = client.session();
  FIX::Session* session = FIX::Session::lookupSession(id);

  const bool fixt = id.isFIXT();

  if (fixt) {
    FIXT11::TestRequest testRequest(FIX::TestReqID(Client::kTestReqId));
    FIX::Session::sendToTarget(testRequest, id);
  } else {
    FIX44::TestRequest testRequest(FIX::TestReqID(Client::kTestReqId));
    FIX::Session::sendToTarget(testRequest, id);
  }
  if (!client.waitFor([](const Summary& s) { return s.testRequestAnswered; }, 10)) client.fail("no Heartbeat for the TestRequest");

  client.noteAppSeqNum(session->getExpectedSenderNum());
  if (fixt) {
    // The FIX 5.0SP2 class puts ApplVerID (1128) = 9 in the header, as a FIXT.1.1 peer may.
    FIX50SP2::NewOrderSingle order(FIX::ClOrdID("QF-ORD-1"), FIX::Side(FIX::Side_BUY), FIX::TransactTime(), FIX::OrdType(FIX::OrdType_LIMIT));
    order.set(FIX::Symbol("ACME"));
    order.set(FIX::OrderQty(10));
    order.set(FIX::Price(100.25));
    order.set(FIX::TimeInForce(FIX::TimeInForce_DAY));
    FIX::Session::sendToTarget(order, id);
  } else {
    FIX44::NewOrderSingle order(FIX::ClOrdID("QF-ORD-1"), FIX::Side(FIX::Side_BUY), FIX::TransactTime(), FIX::OrdType(FIX::OrdType_LIMIT));
    order.set(FIX::Symbol("ACME"));
    order.set(FIX::OrderQty(10));
    order.set(FIX::Price(100.25));
    order.set(FIX::TimeInForce(FIX::TimeInForce_DAY));
    FIX::Session::sendToTarget(order, id);
  }
  if (!client.waitFor([](const Summary& s) { return !s.appReply.empty(); }, 10)) client.fail("no answer to the NewOrderSingle");

  session->logout("done");
  if (!client.waitForLogout(15)) client.fail("no Logout reply");
  initiator.stop();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: quickfix-client <settings file> <username> <password>\n";
    return 2;
  }
  Client client(argv[2], argv[3]);
  try {
    FIX::SessionSettings settings(argv[1]);
    FIX::FileStoreFactory storeFactory(settings);
    FIX::FileLogFactory logFactory(settings);
    FIX::SocketInitiator initiator(client, storeFactory, settings, logFactory);
    run(client, initiator);
  } catch (const std::exception& e) {
    client.fail(e.what());
  }
  std::cout << "QFSUMMARY " << client.summaryJson() << std::endl;
  return 0;
}
