package dev.accord.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

/** Reads the embedded broker's queues through WildFly's management model, as an operator would. */
final class Broker {

  static final String LEADS_QUEUE = "AccordLeadsReceived";
  static final String DEAD_LETTER_QUEUE = "AccordLeadsDeadLetter";

  private final ManagementClient management;

  Broker(ManagementClient management) {
    this.management = management;
  }

  long messagesAdded(String queue) {
    ModelNode op = queueOperation(queue, "read-attribute");
    op.get("name").set("messages-added");
    return execute(op).asLong();
  }

  /** The AccordLeadId property of every message waiting in the queue. */
  List<String> leadIdsIn(String queue) {
    ModelNode result = execute(queueOperation(queue, "list-messages"));
    return result.asList().stream()
        .filter(message -> message.hasDefined("AccordLeadId"))
        .map(message -> message.get("AccordLeadId").asString())
        .toList();
  }

  private static ModelNode queueOperation(String queue, String operation) {
    ModelNode op = new ModelNode();
    op.get("operation").set(operation);
    ModelNode address = op.get("address");
    address.add("subsystem", "messaging-activemq");
    address.add("server", "default");
    address.add("jms-queue", queue);
    return op;
  }

  private ModelNode execute(ModelNode op) {
    try {
      ModelNode answer = management.getControllerClient().execute(op);
      if (!"success".equals(answer.get("outcome").asString())) {
        throw new IllegalStateException(answer.get("failure-description").asString());
      }
      return answer.get("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
