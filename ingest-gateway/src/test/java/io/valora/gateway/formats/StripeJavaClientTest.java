package io.valora.gateway.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.billing.MeterEvent;
import com.stripe.param.billing.MeterEventCreateParams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.gateway.support.UsageTopic;
import io.valora.schemas.UsageEvent;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.net.URL;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Stripe's own Java SDK, unchanged except for its API base, posts meter events that land correctly. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "usage-events,api-keys"))
class StripeJavaClientTest {

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void stripeJavaPostsAMeterEventThatLandsAsAUsageEvent() throws StripeException {
        long timestamp = Instant.now().minusSeconds(30).getEpochSecond();
        MeterEvent created = client("valora-dev-key").v1().billing().meterEvents().create(MeterEventCreateParams.builder()
                .setEventName("api_call")
                .putPayload("stripe_customer_id", "cus_stripe_java")
                .putPayload("value", "25")
                .setIdentifier("stripe-java-1")
                .setTimestamp(timestamp)
                .build());

        assertThat(created.getIdentifier()).isEqualTo("stripe-java-1");
        assertThat(created.getEventName()).isEqualTo("api_call");
        assertThat(created.getPayload()).containsEntry("value", "25");

        UsageEvent event = UsageTopic.await(bootstrapServers, "stripe-java-1").value();
        assertThat(event.getTenant()).isEqualTo("demo");
        assertThat(event.getSubject()).isEqualTo("cus_stripe_java");
        assertThat(event.getType()).isEqualTo("api_call");
        assertThat(event.getSource()).isEqualTo("stripe");
        assertThat(event.getTime()).isEqualTo(Instant.ofEpochSecond(timestamp));
        assertThat(event.getData()).isEqualTo("{\"value\":25}");
    }

    @Test
    void stripeJavaSeesAnUnknownKeyAsAFailure() {
        assertThatThrownBy(() -> client("sk_test_not_a_valora_key").v1().billing().meterEvents().create(
                MeterEventCreateParams.builder().setEventName("api_call").putPayload("stripe_customer_id", "c")
                        .putPayload("value", "1").build()))
                .isInstanceOf(StripeException.class)
                .satisfies(e -> assertThat(((StripeException) e).getStatusCode()).isEqualTo(401));
    }

    private StripeClient client(String apiKey) {
        String apiBase = base.toString().replaceAll("/$", "");
        return StripeClient.builder().setApiKey(apiKey).setApiBase(apiBase).setMaxNetworkRetries(0).build();
    }
}
